/**
 * The report form's limits, kept apart from the zod schema so the browser's bundle
 * gets these few lines and not zod. The action answers an ActionState (lib/actions/state.ts).
 */
export const SCREEN_REPORT_BODY_MAX = 2000;
export const SCREEN_REPORT_BROWSER_MAX = 200;

/** What the form gets back after a problem, to show it again. */
export type ScreenReportValues = { browser: string; body: string };
