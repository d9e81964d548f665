import type { RecordedCheck } from "./check-rows";

/**
 * A run as staff pages and the support report show it: plain data, safe for
 * components (no secret, no ciphertext).
 */

export type RunCheckView = {
  id: RecordedCheck["id"];
  status: RecordedCheck["status"];
  reason: string | null;
  title: string;
  detail: string | null;
  guideAnchor: string | null;
  microsoft: { code: string; requestId: string | null; timestamp: string | null } | null;
  durationMs: number | null;
  data: unknown;
  /** How to fix it, for a check that did not pass. */
  remediation: { title: string; detail: string; guideAnchor?: string } | null;
};

export type RunView = {
  id: string;
  trigger: string;
  triggeredBy: string | null;
  outcome: string;
  startedAt: Date;
  finishedAt: Date | null;
  durationMs: number | null;
  checks: RunCheckView[];
};
