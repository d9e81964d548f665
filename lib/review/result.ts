import type { StaffActor } from "./actor";

export type { StaffActor };

/**
 * The older answer of a review action, kept only while lib/review/rerun.ts returns it;
 * review functions return plain data and throw UserError (lib/errors.ts).
 */
export type ActionResult<T extends object = object> =
  | ({ ok: true } & T)
  | { ok: false; code: "not-found" | "refused" | "invalid"; message: string; fieldErrors?: Record<string, string> };

export const notFound = (what = "submission"): ActionResult<never> => ({ ok: false, code: "not-found", message: `There is no such ${what}.` });
export const refused = (message: string): ActionResult<never> => ({ ok: false, code: "refused", message });
