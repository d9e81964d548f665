import { z } from "zod";
import { SCREEN_REPORT_BODY_MAX, SCREEN_REPORT_BROWSER_MAX, type ScreenReportField } from "./screen-report-state";
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


/** Reads the posted form without trusting its shape: anything unexpected becomes an error message. */
export function parseScreenReport(form: { get: (name: string) => unknown }) {
  const raw = { step: form.get("step"), browser: form.get("browser") ?? undefined, body: form.get("body") ?? undefined };
  const result = ScreenReportSchema.safeParse(raw);
  if (result.success) return { ok: true as const, value: result.data };
  const errors: Partial<Record<ScreenReportField, string>> = {};
  for (const issue of result.error.issues) {
    const field = issue.path[0] as ScreenReportField;
    errors[field] ??= issue.message;
  }
  const asText = (v: unknown) => (typeof v === "string" ? v.slice(0, SCREEN_REPORT_BODY_MAX * 2) : "");
  return { ok: false as const, errors, values: { browser: asText(raw.browser), body: asText(raw.body) } };
}
