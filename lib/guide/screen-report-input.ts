import { z } from "zod";
import { fieldErrors } from "../actions/state";
import { SCREEN_REPORT_BODY_MAX, SCREEN_REPORT_BROWSER_MAX } from "./screen-report-state";
import { STEP_ANCHORS } from "./steps";

/**
 * The "this screen looks different" report as the browser sends it. Messages follow
 * the house style; text is normalised (trimmed, line endings unified) before limits.
 */

const text = (value: unknown) => (typeof value === "string" ? value.replace(/\r\n?/g, "\n").trim() : value);

export const ScreenReportSchema = z.object({
  step: z.enum(STEP_ANCHORS as [string, ...string[]], { message: "Choose the step whose screen looks different" }),
  browser: z.preprocess(
    text,
    z
      .string()
      .max(SCREEN_REPORT_BROWSER_MAX, `Browser must be ${SCREEN_REPORT_BROWSER_MAX} characters or fewer`)
      .optional()
      .transform((v) => v || undefined),
  ),
  body: z.preprocess(
    text,
    z
      .string({ message: "Describe what looks different" })
      .min(1, "Describe what looks different")
      .max(SCREEN_REPORT_BODY_MAX, `Description must be ${SCREEN_REPORT_BODY_MAX} characters or fewer`),
  ),
});
export type ScreenReportInput = z.infer<typeof ScreenReportSchema>;

type Posted = { get: (name: string) => unknown };

/** The posted form as the schema parses it, without trusting its shape. */
export function screenReportInput(form: Posted) {
  return { step: form.get("step"), browser: form.get("browser") ?? undefined, body: form.get("body") ?? undefined };
}

/** What was typed, to show it again after a problem (files and other oddities become empty). */
export function screenReportEcho(form: Posted) {
  const asText = (v: unknown) => (typeof v === "string" ? v.slice(0, SCREEN_REPORT_BODY_MAX * 2) : "");
  return { browser: asText(form.get("browser")), body: asText(form.get("body")) };
}

/** Reads the posted form: the report, or an error message per field and what was typed. */
export function parseScreenReport(form: Posted) {
  const result = ScreenReportSchema.safeParse(screenReportInput(form));
  if (result.success) return { ok: true as const, value: result.data };
  return { ok: false as const, errors: fieldErrors(result.error), values: screenReportEcho(form) };
}
