import { remediationFor } from "@/lib/verification/remediation";
import { CHECK_LABELS } from "@/lib/verification/labels";
import { REASONS, type CheckId, type Reason } from "@/lib/verification/types";

/** Words for the codes the review pages show. Plain data, safe for any component. */

export { STAGE_LABELS } from "@/lib/onboarding/stages";

export const ATTEMPT_STATUS_LABELS: Record<string, string> = {
  verifying: "Checking",
  verified: "Verified, awaiting review",
  failed: "Failed",
  inconclusive: "Inconclusive",
  approved: "Approved",
  superseded: "Replaced",
};

export const OUTCOME_LABELS: Record<string, string> = {
  running: "Running",
  verified: "Verified",
  failed: "Failed",
  inconclusive: "Inconclusive",
};

export const TRIGGER_LABELS: Record<string, string> = {
  submit: "On submission",
  "early-check": "Early check",
  recheck: "Re-run by staff",
  scheduled: "Scheduled re-verification",
};

export function checkLabel(id: string): string {
  return CHECK_LABELS[id as CheckId] ?? id;
}

/** A reason in a few words (the remediation's title), or the code itself when unknown. */
export function reasonLabel(reason: string): string {
  return (REASONS as readonly string[]).includes(reason) ? remediationFor(reason as Reason).title : reason;
}
