import { AUDIT_ACTIONS, isAuditAction } from "@/lib/audit/actions";
import { describeEvent } from "@/lib/onboarding/history";

/** Audit actions in words, for the submission's history and the audit log (lib/audit/actions.ts). */
export function describeAction(action: string, detail: unknown): string {
  if (!isAuditAction(action)) return action;
  if (action.startsWith("invite.") || action.startsWith("brokerage.")) return describeEvent(action, detail);
  const words: string = AUDIT_ACTIONS[action];
  const d = (detail ?? {}) as { purpose?: unknown; reason?: unknown; daysBefore?: unknown; manual?: unknown };
  if (action === "credentials.expiry-reminder-sent" && d.manual === true) return `${words} on request (remind now)`;
  if (action === "secret.decrypted" && d.purpose === "handoff") return "Secret read by the sync service";
  if (action === "secret.decrypted" && d.purpose === "verification") return "Secret read to run the checks";
  if (action === "credentials.revoked" && typeof d.reason === "string") return `${words}: ${d.reason}`;
  if (action === "credentials.expiry-reminder-sent" && typeof d.daysBefore === "number") return `${words} (${d.daysBefore} days before)`;
  return words;
}
