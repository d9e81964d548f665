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

/**
 * AADSTS numbers the token endpoint answers for what the administrator can fix
 * (Microsoft's table: learn.microsoft.com/entra/identity-platform/reference-error-codes).
 */
const TOKEN_REASONS: ReadonlyMap<number, Reason> = new Map<number, Reason>([
  [90002, "tenant-not-found"], // invalid_tenant
  [900023, "tenant-not-found"], // not a valid tenant identifier
  [50059, "tenant-not-found"], // no tenant-identifying information
  [90038, "tenant-other-cloud"], // national cloud tenant redirection
  [900382, "tenant-other-cloud"], // confidential client across clouds
  [700016, "app-not-found"], // unauthorized_client: application not found in the directory
  [700011, "app-not-found"], // UnauthorizedClientAppNotFoundInOrgIdTenant
  [7000229, "service-principal-missing"], // the app has no service principal (enterprise app) in the tenant
  [7000215, "secret-invalid"], // invalid client secret
  [7000218, "secret-invalid"], // no secret in the request
  [7000222, "secret-expired"], // client secret keys expired
  [7000112, "app-disabled"], // application disabled
  [70001, "app-disabled"], // UnauthorizedClient_DoesNotMatchRequest: the application is disabled
  [500014, "tenant-inactive"], // Graph's service principal disabled: subscription lapsed or Graph turned off
  [500011, "tenant-inactive"], // Graph's service principal missing from the tenant
  [5000224, "tenant-inactive"], // the tenant was deleted or blocked by Microsoft
  [53003, "conditional-access-blocked"], // blocked by Conditional Access
  [530032, "conditional-access-blocked"], // blocked by security policy
  // 50012 (AuthenticationFailed) is about client assertions (certificates), not secrets:
  // it stays `unexpected` for a secret run, with its code shown (CERTIFICATE_REASONS below).
]);

/**
 * What the token endpoint answers about a client assertion (the `certificate` method).
 * Codes as Microsoft's identity libraries name them: InvalidKeyError 700027,
 * CertificateHasBeenRevoked 7000214, CertificateWasRevoked 7000277,
 * CertificateNotWithinValidityPeriod 7000274, CertificateIsOutsideValidityWindow 1000502.
 */
const CERTIFICATE_REASONS: ReadonlyMap<number, Classified["reason"]> = new Map<number, Reason>([
  [700027, "certificate-not-uploaded"], // the key was not found on the app, or the signature does not verify with it
  [50012, "certificate-not-uploaded"], // AuthenticationFailed: the assertion could not be validated against the app's keys
  [7000214, "certificate-not-uploaded"], // the certificate was revoked: a new one has to be uploaded
  [7000277, "certificate-not-uploaded"],
  [7000274, "certificate-expired"],
  [1000502, "certificate-expired"],
]);

/**
 * The assertion itself was refused for what the portal signs, not for what the
 * administrator did: the clock (700024 SignedAssertionInvalidTimeRange), the audience
 * (700023) or the issuer (700021). Status error: nobody at the brokerage can fix it.
 */
const ASSERTION_FAULTS = new Set([700024, 700023, 700021]);

/** Transient identity platform errors, whatever the HTTP status they come with. */
const TRANSIENT_CODES: ReadonlyMap<number, Reason> = new Map<number, Reason>([
  [90033, "microsoft-unavailable"], // a transient error has occurred
  [90024, "microsoft-unavailable"], // RequestBudgetExceededError
  [90006, "microsoft-unavailable"], // ExternalServerRetryableError
  [90055, "throttled"], // TenantThrottlingError: too many incoming requests (can come without a 429)
]);

const unavailable: Classified = { status: "error", reason: "microsoft-unavailable" };

function classifyAad(failure: AadFailure, secretLooksLikeSecretId: boolean, method: CredentialMethod = "client-secret"): Classified {
  const microsoft = microsoftInfo(failure);
  if (failure.httpStatus === 429) return { status: "error", reason: "throttled", microsoft };
  const transient = failure.codes.map((c) => TRANSIENT_CODES.get(c)).find(Boolean);
  if (transient) return { status: "error", reason: transient, microsoft };
  if ((failure.httpStatus ?? 0) >= 500) return { ...unavailable, microsoft };
  if (method === "vendor-app") {
    const reason = failure.codes.map((c) => VENDOR_APP_REASONS.get(c)).find(Boolean);
    if (reason) return { status: "fail", reason, microsoft };
    // The vendor's own certificate refused: nothing the brokerage can fix.
    if (failure.codes.some((c) => ASSERTION_FAULTS.has(c) || CERTIFICATE_REASONS.has(c))) return { status: "error", reason: "unexpected", microsoft };
  }
  if (method === "certificate") {
    if (failure.codes.some((c) => ASSERTION_FAULTS.has(c))) return { status: "error", reason: "unexpected", microsoft };
    const reason = failure.codes.map((c) => CERTIFICATE_REASONS.get(c)).find(Boolean);
    if (reason) return { status: "fail", reason, microsoft };
  }
  for (const code of failure.codes) {
    const reason = TOKEN_REASONS.get(code);
    if (!reason) continue;
    if (reason === "secret-invalid" && secretLooksLikeSecretId) return { status: "fail", reason: "secret-is-secret-id", microsoft };
    return { status: "fail", reason, microsoft };
  }
  if (failure.error === "temporarily_unavailable" || failure.error === "server_error") return { ...unavailable, microsoft };
  return { status: "error", reason: "unexpected", microsoft };
}

/** How the app signs in (DESIGN §9). */
export type CredentialMethod = "client-secret" | "certificate" | "vendor-app";

/**
 * The vendor's multi-tenant app in a customer tenant: "not found in the directory"
 * (700016, 700011) or a missing service principal (7000229) means the tenant holds no
 * enterprise application for it: consent was never granted, or it was removed or the
 * enterprise application deleted. 7000112: the administrator disabled it.
 */
const VENDOR_APP_REASONS: ReadonlyMap<number, Reason> = new Map<number, Reason>([
  [700016, "vendor-app-not-consented"],
  [700011, "vendor-app-not-consented"],
  [7000229, "vendor-app-not-consented"],
  [7000112, "vendor-app-disabled"],
  [70001, "vendor-app-disabled"],
]);

export type TokenContext = {
  /** The secret entered is a GUID, like the Secret ID column. */
  secretLooksLikeSecretId: boolean;
  /** A certificate's assertion errors have their own reasons; client-secret by default. */
  method?: CredentialMethod;
  /** Discovery of the tenant: tells a wrong tenant from a network failure. */
  tenant?: TenantDiscovery;
};

export function classifyTokenFailure(failure: MicrosoftFailure, context: TokenContext): Classified {
  if (failure.kind === "aad") return classifyAad(failure, context.secretLooksLikeSecretId, context.method);
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
  /**
   * The token carries no roles and the run goes on to let Exchange decide (RBAC for
   * Applications). Exchange answers `NoPermissionsInAccessToken` when it finds neither a Graph
   * permission nor any role assignment for the app, and `ErrorAccessDenied` when an
   * assignment exists but does not cover this mailbox or this action.
   */
  exchangeDecides?: boolean;
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
  if (g.code === "OrganizationFromTenantGuidNotFound") return fail("exchange-not-provisioned");
  if (MAILBOX_NOT_ENABLED_CODES.has(g.code)) return fail("mailbox-not-enabled");
  if (MAILBOX_NOT_FOUND_CODES.has(g.code)) return fail("mailbox-not-found");
  if (g.code === "NoPermissionsInAccessToken") return fail("consent-missing");
  const extension = g.code === "ExtensionError" && g.httpStatus === 403;
  if (context.exchangeDecides && !context.roles.length && (ACCESS_DENIED_CODES.has(g.code) || extension)) return fail("access-policy-denied");
  if (ACCESS_DENIED_CODES.has(g.code) || extension) {
    // The token's roles come first; with the permission granted, only Microsoft's own
    // word (its access-policy marker, or Exchange refusing through an ExtensionError)
    // says a policy leaves the mailbox out. A bare refusal is `access-denied`.
    if (!context.roles.length) return fail("consent-missing");
    if (!context.requiredRoles.some((r) => context.roles.includes(r))) return fail("permission-missing");
    return fail(g.accessPolicy || extension ? "access-policy-denied" : "access-denied");
  }
  if (g.httpStatus === 403) return fail("access-denied");
  return { status: "error", reason: "unexpected", microsoft };
}
