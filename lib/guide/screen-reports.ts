import "server-only";
import { db } from "../db/client";
import { screenReports } from "../db/schema";
import { logger } from "../logger";
import { createRateLimiter } from "./rate-limit";
import { parseScreenReport } from "./screen-report-input";
import type { ScreenReportState } from "./screen-report-state";

/**
 * Records a "this screen looks different" report for staff. Limits: 3 reports per
 * address per minute and 30 per minute in all, counted in this process's memory
 * (docs/guide.md). Bad input, a full limit or a database failure each come back as a
 * message; nothing throws to the page.
 */
const limiter = createRateLimiter({ perKey: 3, overall: 30, windowMs: 60_000 });

export async function recordScreenReport(
  form: { get: (name: string) => unknown },
  origin: { ip: string | null },
): Promise<ScreenReportState> {
  const parsed = parseScreenReport(form);
  if (!parsed.ok) return { status: "invalid", errors: parsed.errors, values: parsed.values };

  const { step, browser, body } = parsed.value;
  const values = { browser: browser ?? "", body };
  if (!limiter.take(origin.ip ?? "unknown")) {
    return {
      status: "refused",
      message: "We have had several reports from you in the last minute. Wait a minute, then send it again.",
      values,
    };
  }

  try {
    await db().insert(screenReports).values({ step, browser: browser ?? null, body });
    return { status: "sent" };
  } catch (error) {
    logger().error({ err: error, step }, "screen report not saved");
    return { status: "refused", message: "Your report could not be saved just now. Try again in a few minutes.", values };
  }
}
