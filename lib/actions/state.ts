import type { z } from "zod";

/**
 * What a form shows after its server action answered; safe for client components.
 * Field keys are the schema's (dotted for nested fields, e.g. `expiry.day`); element ids
 * derive from them (components/staff/form/field-id.ts, FIELD_IDS for the credential form).
 * `values` is what the person typed, to fill the form again (never a password or secret).
 */
export type ActionState<R = unknown, V = Record<string, string>> = {
  status: "idle" | "invalid" | "error" | "ok";
  errors?: Record<string, string>;
  message?: string;
  values?: V;
  result?: R;
  /** When a refusal was answered: two alike refusals in a row still differ (focus moves again). */
  at?: number;
};

export const IDLE: ActionState<never, never> = { status: "idle" };

/**
 * The first message for each field. Without `fields`, keyed by the top-level field in
 * the order zod reports them (the form's order); with `fields`, keyed by the full
 * dotted path, only those fields, in that order.
 */
export function fieldErrors(error: z.ZodError, fields?: readonly string[]): Record<string, string> {
  const found: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = fields ? issue.path.join(".") : String(issue.path[0] ?? "form");
    if (fields && !fields.includes(key)) continue;
    found[key] ??= issue.message;
  }
  if (!fields) return found;
  return Object.fromEntries(fields.filter((f) => f in found).map((f) => [f, found[f]!]));
}
