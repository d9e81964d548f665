import "server-only";
import { publicGuard } from "../actions/guards";
import type { ActionDefinition } from "../actions/action";
import { db } from "../db/client";
import { screenReports } from "../db/schema";
import { UserError } from "../errors";
import { logger } from "../logger";
import { createRateLimiter } from "../rate-limit/limiter";
import { requestFacts } from "../http/request-facts";
import { screenReportEcho, screenReportInput, ScreenReportSchema } from "./screen-report-input";

/**
 * Records a "this screen looks different" report for staff. Limits: 3 reports per
 * address per minute and 30 per minute in all, counted in PostgreSQL so every app
 * instance shares them (docs/guide.md). Bad input, a full limit or a database failure
 * each come back as a message; nothing throws to the page.
 */
export const screenReportLimiter = createRateLimiter({ name: "screen-report", limit: 3, windowSeconds: 60 }, { overall: 30 });

type Posted = { get: (name: string) => unknown };

export const screenReport = {
  guard: publicGuard({
    limiter: screenReportLimiter,
    address: (headers) => requestFacts(headers).ip,
    limited: () => "We have had several reports from you in the last minute. Wait a minute, then send it again.",
  }),
  schema: ScreenReportSchema,
  input: (raw) => screenReportInput(raw as Posted),
  echo: (raw) => screenReportEcho(raw as Posted),
  run: async ({ step, browser, body }) => {
    try {
      await db().insert(screenReports).values({ step, browser: browser ?? null, body });
      return null;
    } catch (error) {
      logger().error({ err: error, step }, "screen report not saved");
      throw new UserError("Your report could not be saved just now. Try again in a few minutes.");
    }
  },
} satisfies ActionDefinition<{ address: string | null }, typeof ScreenReportSchema, null, { browser: string; body: string }>;
