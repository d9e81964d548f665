import type { Logger } from "pino";
import type { ClientCertificate } from "../microsoft/client-certificate";
import type { MicrosoftErrorInfo } from "../microsoft/failures";

/** The most specific code Google gave (OAuth `error`, ErrorInfo or `errors[].reason`) and the HTTP status. */
export type GoogleErrorInfo = { code: string; httpStatus?: number };

/**
 * The verification contract (DESIGN §4): check ids, statuses, reasons and report
 * shape are stable names used by the UI, dashboards, CLI and tests.
 */

export const CHECK_IDS = [
  "input",
  "tenant",
  "token",
  "permissions",
  "calendar.read",
  "calendar.write",
  "contacts.read",
  "contacts.write",
  "mail.send",
  "secret.expiry",
  "scope.outside",
] as const;
export type CheckId = (typeof CHECK_IDS)[number];

/** What each check waits for; a check whose dependency did not pass or warn is `skipped`. */
export const CHECK_DEPENDENCIES: Record<CheckId, CheckId[]> = {
  input: [],
  tenant: [],
  token: ["input"],
  permissions: ["token"],
  "calendar.read": ["permissions"],
  "calendar.write": ["calendar.read"],
  "contacts.read": ["permissions"],
  "contacts.write": ["contacts.read"],
  "mail.send": ["permissions"],
  "secret.expiry": ["input"],
  "scope.outside": ["token"],
};

export const CHECK_STATUSES = ["pass", "warn", "fail", "skipped", "error"] as const;
export type CheckStatus = (typeof CHECK_STATUSES)[number];

export const REASONS = [
  "invalid-input",
  "tenant-not-found",
  "tenant-other-cloud",
  "mailbox-domain-other-tenant",
  "app-not-found",
  "service-principal-missing",
  "tenant-inactive",
  "exchange-not-provisioned",
  "secret-is-secret-id",
  "secret-invalid",
  "secret-expired",
  "app-disabled",
  "conditional-access-blocked",
  "consent-missing",
  "permission-missing",
  "permission-excess",
  "mailbox-not-found",
  "mailbox-not-enabled",
  "access-policy-denied",
  "access-denied",
  "cleanup-failed",
  "secret-expiring-soon",
  "secret-expiry-past",
  "secret-expiry-too-far",
  "certificate-not-uploaded",
  "certificate-expired",
  "vendor-app-not-consented",
  "vendor-app-disabled",
  "throttled",
  "microsoft-unavailable",
  "unexpected",
  "scope-not-enforced",
  // Google Workspace (DESIGN §10).
  "delegation-missing",
  "scope-missing",
  "google-unavailable",
  // DESIGN §10 / §4: the vendor's own side is at fault (e.g. the clock of the server that signs the assertion).
  "vendor-config",
] as const;
export type Reason = (typeof REASONS)[number];

/** Reasons only the Google Workspace provider gives (its own scenario matrix covers them). */
export const GOOGLE_ONLY_REASONS: readonly Reason[] = ["delegation-missing", "scope-missing", "google-unavailable"];

export type CheckResult = {
  id: CheckId;
  status: CheckStatus;
  reason?: Reason;
  title: string;
  /** Plain words for an email administrator; never a secret or token. */
  detail: string;
  /** The guide section (/guide#anchor) that fixes it. */
  guideAnchor?: string;
  microsoft?: MicrosoftErrorInfo;
  /** Google's answer, for a support ticket (the Google Workspace provider). */
  google?: GoogleErrorInfo;
  durationMs: number;
  /** Check-specific facts, e.g. { missing: [...] } or { extra: [...] } or { itemId }. */
  data?: Record<string, unknown>;
};

export type Outcome = "verified" | "failed" | "inconclusive";

export type VerificationReport = {
  outcome: Outcome;
  startedAt: string;
  finishedAt: string;
  durationMs: number;
  checks: CheckResult[];
  /**
   * Present when the run looked twice (RunOptions.recheckAfterMs): the first look failed for
   * these reasons, and `checks` are the second look's, `afterMs` later.
   */
  recheck?: { afterMs: number; firstReasons: Reason[] };
};

import type { AccessScope } from "../validation/access-scope";
export { ACCESS_SCOPES, type AccessScope } from "../validation/access-scope";

export type VerificationInput = {
  tenantId: string;
  clientId: string;
  /** The `client-secret` method's value; absent with a certificate. */
  clientSecret?: string;
  /** The `certificate` method (DESIGN §9): the token is requested with a signed client assertion. */
  clientCertificate?: ClientCertificate;
  /** The `vendor-app` method: the certificate is the vendor's multi-tenant app's, consented in this tenant. */
  vendorApp?: boolean;
  testMailbox: string;
  /** YYYY-MM-DD; without it `secret.expiry` is skipped. With a certificate it defaults to the certificate's notAfter. */
  secretExpiresOn?: string;
  /** Send a test message from the mailbox to itself (default true). */
  sendTestMessage?: boolean;
  /** "organization" by default. */
  accessScope?: AccessScope;
  /** A mailbox that must stay outside the app's scope: `scope.outside` probes it read-only (skipped without it). */
  outsideMailbox?: string;
};

/** Live progress: a check starts (`running`) and later finishes with its result. */
export type CheckProgress = { id: CheckId; status: "running" } | CheckResult;

/** Time bounds of a run (defaults in lib/verification/policy.ts). */
export type VerificationTimeouts = {
  /** Each HTTP attempt to Microsoft. */
  requestMs: number;
  /** Total waiting before retries (429/503/504), shared by every request of the run. */
  retryBudgetMs: number;
  /** The whole run, cleanup excepted: requests still open then are abandoned. */
  runMs: number;
  /** Deleting the test items, which happens even after the run's time is up. */
  cleanupMs: number;
};

/** A test item a write check created in the test mailbox. */
export type TestItem = { kind: "event" | "contact"; id: string; mailbox: string };

/**
 * Told when Microsoft answers a test item's create and when the item is gone, so the
 * caller can keep a record that outlives the process (lib/runs). A failing listener
 * is logged and never changes a check's result.
 */
export type TestItemListener = {
  onCreated: (item: TestItem) => void | Promise<void>;
  onDeleted: (item: TestItem) => void | Promise<void>;
};

export type RunOptions = {
  onProgress?: (update: CheckProgress) => void | Promise<void>;
  testItems?: TestItemListener;
  signal?: AbortSignal;
  /** For tests: the clock used for expiry checks. */
  now?: () => Date;
  /** Microsoft's hosts; MICROSOFT_AUTHORITY_HOST and MICROSOFT_GRAPH_URL by default. */
  endpoints?: { authorityHost: string; graphUrl: string };
  timeouts?: Partial<VerificationTimeouts>;
  /** Where the run logs (never a secret or token); lib/logger by default. */
  logger?: Logger;
  /** One check and one request at a time, for comparison in bench/verification.ts. */
  sequential?: boolean;
  /**
   * A fresh setup (the brokerage's previous attempt was minutes ago): when the run fails
   * with `secret-invalid`, `consent-missing` or `mailbox-not-enabled`, wait this long and
   * check once more before reporting (lib/verification/recheck.ts; `recheckAfterFor`
   * computes it from the previous attempt's time). Unset: one look.
   */
  recheckAfterMs?: number;
  /**
   * The access scope was set up recently (lib/runs: two hours after an `exchange-rbac`
   * attempt was sent). Exchange caches RBAC for Applications changes for 30 minutes to 2
   * hours, so until then a refusal that RBAC explains is an `error` (inconclusive, checked
   * again automatically), not a `fail`.
   */
  rbacSettlesAt?: Date;
};

/** verified: no fail and no error; failed: a fail the administrator can fix; inconclusive: an error. */
export function outcomeOf(checks: Pick<CheckResult, "status">[]): Outcome {
  if (checks.some((c) => c.status === "fail")) return "failed";
  if (checks.some((c) => c.status === "error")) return "inconclusive";
  return "verified";
}
