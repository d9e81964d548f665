/**
 * When an attempt may be approved: it is the brokerage's current verified attempt, its
 * secret is still stored, and its latest finished run is verified and under 24 hours old
 * (older, and the CSM re-runs the checks first: consent or a mailbox may have changed).
 */

export const APPROVAL_FRESHNESS_HOURS = 24;

export type ApprovalInput = {
  status: string;
  secretStored: boolean;
  latestRun: { outcome: string; finishedAt: Date | null } | null;
};

export function approvalBlocker(input: ApprovalInput, now: Date): string | null {
  if (input.status === "approved") return "These credentials are already approved.";
  if (input.status === "superseded") {
    return "This attempt is no longer current: a later attempt or a revocation replaced it.";
  }
  if (!input.secretStored) return "The secret of this attempt has been destroyed; ask the administrator to submit again.";
  const run = input.latestRun;
  if (!run || run.outcome === "running" || !run.finishedAt) return "The checks have not finished yet.";
  if (run.outcome !== "verified") return "The latest run did not pass; approve only credentials whose checks pass.";
  if (input.status !== "verified") return "The latest run did not pass; approve only credentials whose checks pass.";
  const ageHours = (now.getTime() - run.finishedAt.getTime()) / 3_600_000;
  if (ageHours > APPROVAL_FRESHNESS_HOURS) {
    return `The last passing run finished more than ${APPROVAL_FRESHNESS_HOURS} hours ago; re-run the checks, then approve.`;
  }
  return null;
}
