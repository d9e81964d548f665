import type { TenantDiscovery } from "../microsoft/discovery";
import type { AadFailure, GraphFailure, MicrosoftErrorInfo, MicrosoftFailure } from "../microsoft/failures";
import type { Reason } from "./types";

/**
 * From what Microsoft answered to a §4 reason, by AADSTS number, Graph error code,
 * HTTP status and the structure around them (the token's roles, the discovery
 * document): never by the wording of a message, which Microsoft changes.
 */

export type Classified = { status: "fail" | "error"; reason: Reason; microsoft?: MicrosoftErrorInfo };

/** What Microsoft's support asks for: the code, the request id and the time. */
export function microsoftInfo(failure: MicrosoftFailure): MicrosoftErrorInfo | undefined {
  if (failure.kind === "aad") {
    const code = failure.codes[0] ? `AADSTS${failure.codes[0]}` : (failure.error ?? (failure.httpStatus ? `HTTP ${failure.httpStatus}` : undefined));
    if (!code) return undefined;
    return { code, requestId: failure.traceId, timestamp: failure.timestamp, correlationId: failure.correlationId };
  }
  if (failure.kind === "graph") {
    return { code: failure.code || `HTTP ${failure.httpStatus}`, requestId: failure.requestId, timestamp: failure.timestamp };
  }
  return undefined;
}

/** AADSTS numbers the token endpoint answers for what the administrator can fix. */
const TOKEN_REASONS: ReadonlyMap<number, Reason> = new Map<number, Reason>([
  [90002, "tenant-not-found"], // invalid_tenant
  [900023, "tenant-not-found"], // not a valid tenant identifier
  [90059, "tenant-not-found"], // no tenant-identifying information
  [90038, "tenant-other-cloud"], // national cloud tenant redirection
  [900382, "tenant-other-cloud"], // confidential client across clouds
  [700016, "app-not-found"], // unauthorized_client: application not found in the directory
  [7000215, "secret-invalid"], // invalid client secret
  [50012, "secret-invalid"], // the same, from older endpoints
  [7000218, "secret-invalid"], // no secret in the request
  [7000222, "secret-expired"], // client secret keys expired
  [7000112, "app-disabled"], // application disabled
  [53003, "conditional-access-blocked"], // blocked by Conditional Access
  [530032, "conditional-access-blocked"], // blocked by security policy
]);

const unavailable: Classified = { status: "error", reason: "microsoft-unavailable" };

function classifyAad(failure: AadFailure, secretLooksLikeSecretId: boolean): Classified {
  const microsoft = microsoftInfo(failure);
  if (failure.httpStatus === 429) return { status: "error", reason: "throttled", microsoft };
  if ((failure.httpStatus ?? 0) >= 500) return { ...unavailable, microsoft };
  for (const code of failure.codes) {
    const reason = TOKEN_REASONS.get(code);
    if (!reason) continue;
    if (reason === "secret-invalid" && secretLooksLikeSecretId) return { status: "fail", reason: "secret-is-secret-id", microsoft };
    return { status: "fail", reason, microsoft };
  }
  if (failure.error === "temporarily_unavailable" || failure.error === "server_error") return { ...unavailable, microsoft };
  return { status: "error", reason: "unexpected", microsoft };
}

export type TokenContext = {
  /** The secret entered is a GUID, like the Secret ID column. */
  secretLooksLikeSecretId: boolean;
  /** Discovery of the tenant: tells a wrong tenant from a network failure. */
  tenant?: TenantDiscovery;
};

export function classifyTokenFailure(failure: MicrosoftFailure, context: TokenContext): Classified {
  if (failure.kind === "aad") return classifyAad(failure, context.secretLooksLikeSecretId);
  if (failure.kind === "transport") {
    if (context.tenant?.status === "not-found") return { status: "fail", reason: "tenant-not-found", microsoft: context.tenant.microsoft };
    if (context.tenant?.status === "other-cloud") return { status: "fail", reason: "tenant-other-cloud" };
    return unavailable;
  }
  if (failure.kind === "graph") return classifyGraphFailure(failure, { roles: [], requiredRoles: [] });
  return { status: "error", reason: "unexpected" };
}

const THROTTLE_CODES = new Set(["ApplicationThrottled", "MailboxConcurrency", "TooManyRequests", "ErrorServerBusy"]);
const UNAVAILABLE_CODES = new Set(["ServiceUnavailable", "GatewayTimeout", "ErrorMailboxStoreUnavailable", "ErrorMailboxMoveInProgress", "ErrorTimeoutExpired"]);
const MAILBOX_NOT_FOUND_CODES = new Set(["ErrorInvalidUser", "ResourceNotFound", "Request_ResourceNotFound", "ErrorNonExistentMailbox"]);
const MAILBOX_NOT_ENABLED_CODES = new Set(["MailboxNotEnabledForRESTAPI", "MailboxNotSupportedForRESTAPI"]);
const ACCESS_DENIED_CODES = new Set(["ErrorAccessDenied", "AccessDenied"]);

export type GraphContext = {
  /** The `roles` of the token the request carried. */
  roles: readonly string[];
  /** The permission the request needs. */
  requiredRoles: readonly string[];
};

export function classifyGraphFailure(failure: MicrosoftFailure, context: GraphContext): Classified {
  if (failure.kind === "transport") return unavailable;
  if (failure.kind === "client") return { status: "error", reason: "unexpected" };
  if (failure.kind === "aad") return classifyAad(failure, false);
  const g: GraphFailure = failure;
  const microsoft = microsoftInfo(g);
  const fail = (reason: Reason): Classified => ({ status: "fail", reason, microsoft });
  if (g.httpStatus === 429 || THROTTLE_CODES.has(g.code)) return { status: "error", reason: "throttled", microsoft };
  if (g.httpStatus >= 500 || UNAVAILABLE_CODES.has(g.code)) return { ...unavailable, microsoft };
  if (MAILBOX_NOT_ENABLED_CODES.has(g.code)) return fail("mailbox-not-enabled");
  if (MAILBOX_NOT_FOUND_CODES.has(g.code)) return fail("mailbox-not-found");
  if (g.code === "NoPermissionsInAccessToken") return fail("consent-missing");
  if (ACCESS_DENIED_CODES.has(g.code)) {
    // The token's roles decide: with the permission granted, only an Exchange
    // application access policy or RBAC scope still refuses the mailbox.
    if (!context.roles.length) return fail("consent-missing");
    if (!context.requiredRoles.some((r) => context.roles.includes(r))) return fail("permission-missing");
    return fail("access-policy-denied");
  }
  if (g.httpStatus === 403) return fail("access-denied");
  return { status: "error", reason: "unexpected", microsoft };
}
