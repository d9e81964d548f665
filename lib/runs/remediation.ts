import { googleRemedy } from "../verification/google/remediation";
import { remediationFor } from "../verification/remediation";
import { REASONS, type Reason } from "../verification/types";

export type Fix = { title: string; detail: string; guideAnchor?: string };

const isReason = (value: string | null | undefined): value is Reason => value != null && (REASONS as readonly string[]).includes(value);

/**
 * How to fix a check that did not pass: the remediation catalog's words for its reason,
 * else what the check itself said (a reason this build does not know, from an older run).
 */
export function remediationOf(check: { reason?: string | null; title: string; detail?: string | null; guideAnchor?: string | null }): Fix {
  // A Google Workspace run's checks point into the Google guide, and are worded for Google.
  if (isReason(check.reason) && check.guideAnchor?.startsWith("google-")) return googleRemedy(check.reason);
  if (isReason(check.reason)) return remediationFor(check.reason);
  return { title: check.title, detail: check.detail ?? "", guideAnchor: check.guideAnchor ?? undefined };
}

/** The catalog's words for a recorded check, for the diagnosis (lib/verification/diagnosis.ts). */
export function catalogWords(check: { reason?: string | null; title: string | null; detail?: string | null; guideAnchor?: string | null }) {
  const fix = remediationOf({ ...check, title: check.title ?? "This check did not pass" });
  return { title: fix.title, fix: fix.detail, said: check.detail ?? null, guideAnchor: fix.guideAnchor ?? null };
}
