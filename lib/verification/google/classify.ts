import { googleCode, type GoogleFailure } from "../../google/failures";
import { isRateLimited } from "../../google/transporter";
import type { CheckStatus, GoogleErrorInfo, Reason } from "../types";

/**
 * Google's answers to reasons (DESIGN §10), by HTTP status, OAuth `error`, `error.status`,
 * `errors[].reason` and `error.details[].reason`. One exception to "never by text": the
 * token endpoint answers `invalid_grant` for an unknown user, a bad vendor key and clock
 * skew alike, so there, and only there, the stable start of `error_description` decides.
 */

export type GoogleClassified = { status: Exclude<CheckStatus, "pass" | "skipped">; reason: Reason; google?: GoogleErrorInfo };

/** `invalid_grant` descriptions by their stable prefix. */
const INVALID_GRANT_PREFIXES: Array<{ prefix: string; status: GoogleClassified["status"]; reason: Reason }> = [
  // The `sub` is no user of a Workspace domain.
  { prefix: "Invalid email or User ID", status: "fail", reason: "mailbox-not-found" },
  { prefix: "Not a valid email or user ID", status: "fail", reason: "mailbox-not-found" },
  // The vendor's key was deleted or replaced.
  { prefix: "Invalid JWT Signature", status: "error", reason: "vendor-config" },
  // The vendor's clock is off (the assertion's iat/exp).
  { prefix: "Invalid JWT: Token must be a short-lived token", status: "error", reason: "vendor-config" },
  { prefix: "Invalid JWT: Failed audience check", status: "error", reason: "vendor-config" },
  { prefix: "Invalid grant: account not found", status: "error", reason: "vendor-config" },
];

const info = (f: GoogleFailure): GoogleErrorInfo => ({ code: googleCode(f), ...(f.kind !== "transport" ? { httpStatus: f.httpStatus } : {}) });

/** The token request for one scope. `unauthorized_client` is that scope not authorised; the run tells delegation from scope. */
export function classifyTokenFailure(f: GoogleFailure): GoogleClassified {
  if (f.kind === "transport") return { status: "error", reason: "google-unavailable", google: info(f) };
  if (f.kind === "api") return classifyApiFailure(f);
  const google = info(f);
  if (isRateLimited(f)) return { status: "error", reason: "throttled", google };
  if (f.httpStatus >= 500) return { status: "error", reason: "google-unavailable", google };
  switch (f.error) {
    case "unauthorized_client":
      return { status: "fail", reason: "scope-missing", google };
    case "invalid_grant": {
      const known = INVALID_GRANT_PREFIXES.find((p) => f.description.startsWith(p.prefix));
      return known ? { status: known.status, reason: known.reason, google } : { status: "error", reason: "unexpected", google };
    }
    // The service account itself is disabled or deleted in the vendor's project.
    case "invalid_client":
    case "disabled_client":
      return { status: "error", reason: "vendor-config", google };
    // The domain's policy blocks the app (API access controls).
    case "admin_policy_enforced":
    case "access_denied":
      return { status: "fail", reason: "access-denied", google };
    default:
      return { status: "error", reason: "unexpected", google };
  }
}

const has = (f: { reasons: string[]; detailReasons: string[] }, ...names: string[]) => names.some((n) => f.reasons.includes(n) || f.detailReasons.includes(n));

/** A Calendar, People or Gmail call with a delegated token. */
export function classifyApiFailure(f: GoogleFailure): GoogleClassified {
  if (f.kind === "transport") return { status: "error", reason: "google-unavailable", google: info(f) };
  if (f.kind === "token") return classifyTokenFailure(f);
  const google = info(f);
  if (isRateLimited(f)) return { status: "error", reason: "throttled", google };
  if (f.httpStatus >= 500) return { status: "error", reason: "google-unavailable", google };
  // The API is off in the vendor's Google Cloud project.
  if (has(f, "SERVICE_DISABLED", "accessNotConfigured", "API_KEY_SERVICE_BLOCKED")) return { status: "error", reason: "vendor-config", google };
  if (has(f, "ACCESS_TOKEN_SCOPE_INSUFFICIENT", "insufficientPermissions")) return { status: "fail", reason: "scope-missing", google };
  // The service is off for the user (Admin console: Apps, Google Workspace, the service, by organisational unit).
  if (has(f, "notACalendarUser", "failedPrecondition") || f.status === "FAILED_PRECONDITION") return { status: "fail", reason: "mailbox-not-enabled", google };
  if (f.httpStatus === 404 || has(f, "notFound")) return { status: "fail", reason: "mailbox-not-found", google };
  if (f.httpStatus === 403 && has(f, "domainPolicy", "forbidden")) return { status: "fail", reason: "access-denied", google };
  return { status: "error", reason: "unexpected", google };
}
