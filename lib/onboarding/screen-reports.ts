import "server-only";
import { count, desc } from "drizzle-orm";
import { db } from "../db/client";
import { screenReports } from "../db/schema";

export const REPORTS_PAGE_SIZE = 50;

/** The guide's "this screen looks different" reports, newest first. */
export async function listScreenReports(page = 1) {
  const offset = (Math.max(1, page) - 1) * REPORTS_PAGE_SIZE;
  const [rows, [total]] = await Promise.all([
    db()
      .select({ id: screenReports.id, step: screenReports.step, browser: screenReports.browser, body: screenReports.body, createdAt: screenReports.createdAt })
      .from(screenReports)
      .orderBy(desc(screenReports.createdAt), desc(screenReports.id))
      .limit(REPORTS_PAGE_SIZE)
      .offset(offset),
    db().select({ n: count() }).from(screenReports),
  ]);
  const n = total?.n ?? 0;
  return { rows, total: n, pages: Math.max(1, Math.ceil(n / REPORTS_PAGE_SIZE)) };
}
