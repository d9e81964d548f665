import "server-only";
import { env } from "../env";
import { discoverTenant } from "../microsoft/discovery";
import { RetryBudget } from "../microsoft/http";
import { combine } from "./classify";
import { normaliseEmailDomain } from "./domain";
import { lookUpMx } from "./mx";
import { lookUpUserRealm } from "./user-realm";
import type { MxSource, OpenIdSource, ProviderDetection, UserRealmSource } from "./types";

/**
 * Which provider a work email domain uses (DESIGN §10): OpenID discovery and the user-realm
 * endpoint on the configured authority host, and the domain's MX records, side by side.
 * Bounded: each lookup has its own timeout and the whole detection a deadline, after which
 * a lookup still running counts as unanswered. Never throws; "unknown" is an answer.
 */

export type DetectOptions = {
  authorityHost?: string;
  dnsServers?: string[];
  /** The most the whole detection may take. */
  boundMs?: number;
  /** Each lookup's own timeout (capped by the bound). */
  lookupTimeoutMs?: number;
  /** Reuse a recent answer for the same domain (on by default). */
  cache?: boolean;
};

export const DETECTION_BOUND_MS = 3_000;
const LOOKUP_TIMEOUT_MS = 2_500;
/** A full answer is kept a while; one with an unanswered source only briefly, to try again soon. */
const CACHE_TTL_MS = 10 * 60_000;
const PARTIAL_CACHE_TTL_MS = 30_000;
const CACHE_MAX_ENTRIES = 500;

type Entry = { expiresAt: number; detection: Promise<ProviderDetection> };
const cache = new Map<string, Entry>();

export function clearProviderCache() {
  cache.clear();
}

const UNAVAILABLE = { status: "unavailable" } as const;

/** The lookup's answer, or "unavailable" once the deadline passes or it fails unexpectedly. */
function withinDeadline<T>(lookup: Promise<T>, deadline: AbortSignal, fallback: T): Promise<T> {
  return new Promise<T>((resolve) => {
    const onAbort = () => resolve(fallback);
    if (deadline.aborted) return onAbort();
    deadline.addEventListener("abort", onAbort, { once: true });
    lookup.then(resolve, () => resolve(fallback)).finally(() => deadline.removeEventListener("abort", onAbort));
  });
}

async function openIdSource(domain: string, authorityHost: string, timeoutMs: number, signal: AbortSignal): Promise<OpenIdSource> {
  const found = await discoverTenant(domain, { authorityHost, timeoutMs, budget: new RetryBudget(0), signal });
  if (found.status === "found") return { status: "found", tenantId: found.tenantId };
  if (found.status === "other-cloud") return { status: "other-cloud", cloud: found.cloud };
  return { status: found.status };
}

async function detect(domain: string, o: Required<Omit<DetectOptions, "cache" | "dnsServers">> & { dnsServers?: string[] }): Promise<ProviderDetection> {
  const started = performance.now();
  const deadline = AbortSignal.timeout(o.boundMs);
  const timeoutMs = Math.min(o.lookupTimeoutMs, o.boundMs);
  const [openId, userRealm, mx] = await Promise.all([
    withinDeadline<OpenIdSource>(openIdSource(domain, o.authorityHost, timeoutMs, deadline), deadline, UNAVAILABLE),
    withinDeadline<UserRealmSource>(lookUpUserRealm(domain, { authorityHost: o.authorityHost, timeoutMs, signal: deadline }), deadline, UNAVAILABLE),
    withinDeadline<MxSource>(lookUpMx(domain, { servers: o.dnsServers, timeoutMs, signal: deadline }), deadline, UNAVAILABLE),
  ]);
  const sources = { openId, userRealm, mx };
  return {
    domain,
    ...combine(sources),
    mx: mx.status === "found" ? mx.records : [],
    sources,
    durationMs: Math.round(performance.now() - started),
  };
}

const partial = (d: ProviderDetection) => Object.values(d.sources).some((s) => s.status === "unavailable");

/**
 * Detects the provider of `domainOrAddress` (a domain or an email address). A value that is
 * no domain name is looked up nowhere and answers "unknown".
 */
export async function detectProvider(domainOrAddress: string, options: DetectOptions = {}): Promise<ProviderDetection> {
  const domain = normaliseEmailDomain(domainOrAddress);
  const unanswered = { openId: UNAVAILABLE, userRealm: UNAVAILABLE, mx: UNAVAILABLE };
  if (!domain) return { domain: String(domainOrAddress).trim().toLowerCase(), kind: "unknown", mx: [], sources: unanswered, durationMs: 0 };
  const settings = {
    authorityHost: options.authorityHost ?? env().MICROSOFT_AUTHORITY_HOST,
    dnsServers: options.dnsServers ?? env().DNS_SERVERS,
    boundMs: options.boundMs ?? DETECTION_BOUND_MS,
    lookupTimeoutMs: options.lookupTimeoutMs ?? LOOKUP_TIMEOUT_MS,
  };
  if (options.cache === false) return detect(domain, settings);

  const key = [settings.authorityHost, settings.dnsServers?.join(",") ?? "", domain].join("|");
  const now = Date.now();
  const hit = cache.get(key);
  if (hit && hit.expiresAt > now) return hit.detection;
  // The promise is cached, so concurrent callers for one domain share one detection.
  const entry: Entry = { expiresAt: now + CACHE_TTL_MS, detection: detect(domain, settings) };
  cache.delete(key);
  cache.set(key, entry);
  if (cache.size > CACHE_MAX_ENTRIES) cache.delete(cache.keys().next().value!);
  const detection = await entry.detection;
  if (partial(detection)) entry.expiresAt = Date.now() + PARTIAL_CACHE_TTL_MS;
  return detection;
}
