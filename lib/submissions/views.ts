import type { Fix } from "../runs/remediation";
import type { CheckId, Reason } from "../verification/types";
import type { CredentialMethodName } from "../validation/credential-method";

/**
 * The live results as the status page, its event stream and the early check show
 * them: plain data, safe to send to the browser (no secret, no ciphertext).
 */

export type AttemptStatus = "verifying" | "verified" | "failed" | "inconclusive" | "approved" | "superseded";

export type LiveStatus = "waiting" | "running" | "pass" | "warn" | "fail" | "skipped" | "error";

export type CheckView = {
  id: CheckId;
  label: string;
  status: LiveStatus;
  title: string | null;
  detail: string | null;
  reason: Reason | null;
  guideAnchor: string | null;
  remediation: Fix | null;
  microsoft: { code: string; requestId: string | null; timestamp: string | null } | null;
};

export type Phase = "queued" | "running" | "verified" | "failed" | "inconclusive" | "superseded";

export type StatusView = {
  attempt: {
    id: string;
    number: number;
    status: AttemptStatus;
    submittedAt: string;
    /** Which form fixes it: the secret's (/submit) or the certificate's (/submit/certificate). */
    credentialMethod: CredentialMethodName;
    provider: "microsoft" | "google";
  };
  phase: Phase;
  checks: CheckView[];
  finishedAt: string | null;
  /** When an inconclusive attempt is tried again automatically, if it will be. */
  retryAt: string | null;
  /** True when nothing on the page will change without a new submission or a staff re-run. */
  final: boolean;
};

