import type { z } from "zod";

/**
 * What a staff form shows after a submit; safe for client components. Field keys are
 * the schema's; element ids derive from them (components/staff/form/field-id.ts).
 */
export type ActionState<R = unknown> = {
  status: "idle" | "invalid" | "error" | "ok";
  errors?: Record<string, string>;
  message?: string;
  /** What the person typed, to fill the form again after an error (never a password). */
  values?: Record<string, string>;
  result?: R;
};

export const IDLE: ActionState<never> = { status: "idle" };

/** The first message for each field, in the order zod reports them (the form's order). */
export function fieldErrors(error: z.ZodError): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = String(issue.path[0] ?? "form");
    errors[key] ??= issue.message;
  }
  return errors;
}
