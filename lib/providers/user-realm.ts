import "server-only";
import { authorityFor } from "../microsoft/endpoints";
import { parseJson, requestWithRetries, RetryBudget, TransportError } from "../microsoft/http";
import { isDomainName } from "../validation/mailbox";
import { readUserRealm } from "./classify";
import type { UserRealmSource } from "./types";

/**
 * Microsoft's user-realm endpoint on the configured authority host: whether a domain's
 * sign-in is managed by Microsoft Entra ID or federated to another identity provider
 * (and whose). Only the domain matters; the user part of the login need not exist.
 */

export const userRealmUrl = (authorityHost: string, domain: string) =>
  `${authorityFor(authorityHost, "common")}/userrealm/${encodeURIComponent(`user@${domain}`)}?api-version=2.1`;

export async function lookUpUserRealm(domain: string, o: { authorityHost: string; timeoutMs: number; signal?: AbortSignal }): Promise<UserRealmSource> {
  // Checked before it goes into a URL, like the tenant lookup.
  if (!isDomainName(domain)) return { status: "unknown" };
  try {
    const result = await requestWithRetries(
      userRealmUrl(o.authorityHost, domain),
      { method: "GET", headers: { accept: "application/json" } },
      // No waits between attempts: detection has a few seconds in all.
      { timeoutMs: o.timeoutMs, budget: new RetryBudget(0), signal: o.signal },
    );
    return result.status === 200 ? readUserRealm(parseJson(result.text)) : { status: "unavailable" };
  } catch (error) {
    if (error instanceof TransportError) return { status: "unavailable" };
    throw error;
  }
}
