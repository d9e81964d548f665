import "server-only";
import { GUID_SOURCE } from "../validation/guid";
import { configuredEndpoints, expectedCloudInstance, openIdConfigurationUrl } from "./endpoints";
import { aadFailureFromText, type MicrosoftErrorInfo } from "./failures";
import { parseJson, requestWithRetries, RetryBudget, TransportError } from "./http";
import { isTenantIdentifier } from "./identifiers";

/**
 * Tenant discovery through the OpenID configuration document: whether a tenant
 * (by GUID or domain) exists, its id, and whether it lives in another cloud. This
 * is also how a wrong tenant is told apart from a network failure.
 */

export type TenantDiscovery =
  | { status: "found"; tenantId: string }
  | { status: "not-found"; microsoft?: MicrosoftErrorInfo }
  | { status: "other-cloud"; cloud?: string }
  | { status: "unavailable" };

export type DiscoveryOptions = {
  authorityHost?: string;
  timeoutMs?: number;
  /** Shared with the rest of a verification run; a fresh one otherwise. */
  budget?: RetryBudget;
  signal?: AbortSignal;
};

const DEFAULT_TIMEOUT_MS = 10_000;
const DEFAULT_BUDGET_MS = 5_000;
/** AADSTS90038 (national cloud redirection), AADSTS900382 (cross-cloud request). */
const OTHER_CLOUD_CODES = new Set([90038, 900382]);
const GUID_IN_ISSUER = new RegExp(`/(${GUID_SOURCE})(?:/|$)`, "i");
const GOVERNMENT_REGION_SCOPES = new Set(["USGov", "USG", "DOD", "DODCON"]);

/** A readable name for the cloud a tenant's document points to. */
export function cloudName(instance: string | undefined, regionScope: string | undefined): string | undefined {
  if (instance?.endsWith("microsoftonline.us") || (regionScope && GOVERNMENT_REGION_SCOPES.has(regionScope))) {
    return "Microsoft 365 for US Government (GCC High or DoD)";
  }
  if (instance?.endsWith("microsoftonline.cn") || instance?.endsWith("chinacloudapi.cn")) return "Microsoft 365 operated by 21Vianet (China)";
  return instance;
}

/** The tenant an OpenID configuration document describes, and whether it is in this cloud. */
export function readOpenIdDocument(text: string, authorityHost: string): TenantDiscovery {
  const doc = parseJson(text) as Record<string, unknown> | undefined;
  const issuer = typeof doc?.issuer === "string" ? doc.issuer : "";
  const tenantId = GUID_IN_ISSUER.exec(issuer)?.[1]?.toLowerCase();
  if (!tenantId) return { status: "unavailable" };
  const instance = typeof doc?.cloud_instance_name === "string" ? doc.cloud_instance_name : undefined;
  const region = typeof doc?.tenant_region_scope === "string" ? doc.tenant_region_scope : undefined;
  const expected = expectedCloudInstance(authorityHost);
  const otherInstance = instance !== undefined && instance !== expected;
  const governmentOnPublic = expected === "microsoftonline.com" && region !== undefined && GOVERNMENT_REGION_SCOPES.has(region);
  if (otherInstance || governmentOnPublic) return { status: "other-cloud", cloud: cloudName(instance, region) };
  return { status: "found", tenantId };
}

export async function discoverTenant(tenantIdOrDomain: string, options: DiscoveryOptions = {}): Promise<TenantDiscovery> {
  const identifier = tenantIdOrDomain.trim();
  // Validated before it goes into a URL: a value that is neither a GUID nor a domain names no tenant.
  if (!isTenantIdentifier(identifier)) return { status: "not-found" };
  const authorityHost = options.authorityHost ?? configuredEndpoints().authorityHost;
  let result;
  try {
    result = await requestWithRetries(
      openIdConfigurationUrl(authorityHost, identifier),
      { method: "GET", headers: { accept: "application/json" } },
      {
        timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
        budget: options.budget ?? new RetryBudget(DEFAULT_BUDGET_MS),
        signal: options.signal,
      },
    );
  } catch (error) {
    if (error instanceof TransportError) return { status: "unavailable" };
    throw error;
  }
  if (result.status === 200) return readOpenIdDocument(result.text, authorityHost);
  const failure = aadFailureFromText(result.text, result.status);
  if (failure && result.status >= 400 && result.status < 500 && result.status !== 429) {
    // The identity platform refuses only identifiers that name no tenant here (AADSTS90002,
    // 900023, ...). A 4xx without its error body is not its answer: treated as no answer.
    if (failure.codes.some((c) => OTHER_CLOUD_CODES.has(c))) return { status: "other-cloud" };
    const code = failure.codes[0];
    return {
      status: "not-found",
      microsoft: code ? { code: `AADSTS${code}`, requestId: failure.traceId, timestamp: failure.timestamp, correlationId: failure.correlationId } : undefined,
    };
  }
  return { status: "unavailable" };
}
