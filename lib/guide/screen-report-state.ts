/**
 * The report form's limits and the states its server action returns. Kept apart from
 * the zod schema so the browser's bundle gets these few lines and not zod.
 */
export const SCREEN_REPORT_BODY_MAX = 2000;
export const SCREEN_REPORT_BROWSER_MAX = 200;

export type ScreenReportField = "step" | "browser" | "body";
type Typed = { browser: string; body: string };

export type ScreenReportState =
  | { status: "idle" }
  | { status: "sent" }
  | { status: "invalid"; errors: Partial<Record<ScreenReportField, string>>; values: Typed }
  | { status: "refused"; message: string; values: Typed };
