import { describeEvent } from "@/lib/onboarding/history";

/** Audit actions of the review and hand-off in words, for the submission's history and the audit log. */
const WORDS: Record<string, string> = {
  "attempt.submitted": "Credentials submitted",
  "attempt.verified": "Checks passed",
  "attempt.failed": "Checks failed",
  "attempt.inconclusive": "Checks could not finish",
  "attempt.superseded": "Attempt replaced by a newer one",
  "attempt.approved": "Credentials approved",
  "attempt.changes-requested": "Changes requested from the administrator",
  "attempt.rerun-requested": "Checks run again",
  "credentials.revoked": "Credentials revoked",
  "credentials.regressed": "Approved credentials stopped working",
  "credentials.recovered": "Approved credentials work again",
  "credentials.expiry-reminder-sent": "Expiry reminder sent",
  "credentials.expiry-notice-sent": "Expiry notice sent",
  "credentials.checked-early": "Credentials checked before submitting",
  "brokerage.expired": "Client secret expired",
  "secret.decrypted": "Secret read",
  "secret.rotated": "Secret re-encrypted under a new key",
  "note.added": "Note added",
  "api-key.created": "API key created",
  "api-key.revoked": "API key revoked",
};

export function describeAction(action: string, detail: unknown): string {
  const words = WORDS[action];
  if (!words) return describeEvent(action, detail);
  const d = (detail ?? {}) as { purpose?: unknown; reason?: unknown; daysBefore?: unknown };
  if (action === "secret.decrypted" && d.purpose === "handoff") return "Secret read by the sync service";
  if (action === "secret.decrypted" && d.purpose === "verification") return "Secret read to run the checks";
  if (action === "credentials.revoked" && typeof d.reason === "string") return `${words}: ${d.reason}`;
  if (action === "credentials.expiry-reminder-sent" && typeof d.daysBefore === "number") return `${words} (${d.daysBefore} days before)`;
  return words;
}
