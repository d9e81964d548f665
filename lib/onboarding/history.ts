import { AUDIT_ACTIONS, isAuditAction } from "../audit/actions";

/** Audit events in words for the brokerage page's history; plain data, safe anywhere. */
export function describeEvent(action: string, detail: unknown): string {
  const words = isAuditAction(action) ? AUDIT_ACTIONS[action] : action;
  const d = (detail ?? {}) as { recipientEmail?: unknown; emailed?: unknown; source?: unknown };
  const parts = [words];
  if (typeof d.recipientEmail === "string") parts.push(`for ${d.recipientEmail}`);
  if (d.emailed === true) parts.push("and emailed");
  if (d.source === "csv") parts.push("(CSV import)");
  return parts.join(" ");
}
