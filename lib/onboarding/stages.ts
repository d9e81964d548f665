/** The pipeline's stages in the order a brokerage moves through them. Plain data, safe for client components. */
export const PIPELINE_STAGES = ["new", "invited", "opened", "submitted", "verified", "approved", "failed", "expired", "revoked"] as const;
export type PipelineStage = (typeof PIPELINE_STAGES)[number];

export const STAGE_LABELS: Record<PipelineStage, string> = {
  new: "Not invited",
  invited: "Invited",
  opened: "Opened",
  submitted: "Submitted",
  verified: "Verified",
  approved: "Approved",
  failed: "Failed",
  expired: "Expired",
  revoked: "Revoked",
};

export const STAGE_HINTS: Record<PipelineStage, string> = {
  new: "No invite link yet",
  invited: "Link sent, not opened",
  opened: "Link opened, nothing submitted",
  submitted: "Details submitted, checks running",
  verified: "Checks passed, awaiting approval",
  approved: "Handed to the sync service",
  failed: "Checks failed: the administrator must fix something",
  expired: "Every link expired or was revoked before anything was submitted, or the secret expired",
  revoked: "A CSM revoked the approved credentials: the sync service no longer gets them",
};

export function isPipelineStage(value: unknown): value is PipelineStage {
  return typeof value === "string" && (PIPELINE_STAGES as readonly string[]).includes(value);
}

/** "3 days", "5 hours", "less than an hour": how long something has been as it is. */
export function formatAge(since: Date, now = new Date()): string {
  const hours = Math.floor((now.getTime() - since.getTime()) / 3_600_000);
  if (hours < 1) return "less than an hour";
  if (hours < 48) return `${hours} ${hours === 1 ? "hour" : "hours"}`;
  const days = Math.floor(hours / 24);
  return `${days} days`;
}
