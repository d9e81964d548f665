import "server-only";
import { Resolver } from "node:dns/promises";
import { classifyMx } from "./classify";
import type { MxSource } from "./types";

/**
 * The domain's MX records through node:dns, at the resolvers DNS_SERVERS names (the
 * system's otherwise). One try with its own timeout; a domain with no MX (or no such
 * domain) is an answer, a timeout or a server failure is not.
 */

const NO_RECORDS = new Set(["ENODATA", "ENOTFOUND"]);

export async function lookUpMx(domain: string, o: { servers?: string[]; timeoutMs: number; signal?: AbortSignal }): Promise<MxSource> {
  const resolver = new Resolver({ timeout: o.timeoutMs, tries: 1 });
  if (o.servers?.length) resolver.setServers(o.servers);
  const onAbort = () => resolver.cancel();
  o.signal?.addEventListener("abort", onAbort, { once: true });
  try {
    const answer = await resolver.resolveMx(domain);
    const records = answer
      .map((r) => ({ exchange: r.exchange.toLowerCase().replace(/\.$/, ""), priority: r.priority }))
      // RFC 7505 "null MX": a single "." says the domain accepts no mail.
      .filter((r) => r.exchange !== "")
      .sort((a, b) => a.priority - b.priority || a.exchange.localeCompare(b.exchange));
    return records.length ? { status: "found", records, class: classifyMx(records) } : { status: "none" };
  } catch (error) {
    const code = (error as { code?: string }).code;
    return code && NO_RECORDS.has(code) ? { status: "none" } : { status: "unavailable" };
  } finally {
    o.signal?.removeEventListener("abort", onAbort);
  }
}
