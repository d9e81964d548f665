import type { AuditEntry } from "../audit/record";

/** Who acts on a submission, and from where (for the audit log). */
export type StaffActor = { staffId: string; origin?: AuditEntry["origin"] };

/**
 * The answer of every review action: done, or refused with words for the CSM.
 * `not-found` hides the reason on purpose; `refused` explains what to do instead.
 */
export type ActionResult<T extends object = object> =
  | ({ ok: true } & T)
  | { ok: false; code: "not-found" | "refused" | "invalid"; message: string; fieldErrors?: Record<string, string> };

export const notFound = (what = "submission"): ActionResult<never> => ({ ok: false, code: "not-found", message: `There is no such ${what}.` });
export const refused = (message: string): ActionResult<never> => ({ ok: false, code: "refused", message });
