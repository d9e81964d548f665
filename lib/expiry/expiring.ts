import "server-only";
import { and, asc, eq, inArray, isNull, lte, sql } from "drizzle-orm";
import { db } from "../db/client";
import { brokerages, credentialApprovals, expiryReminders, submissionAttempts } from "../db/schema";
import { addDays, isoDate } from "../validation/text";
import { daysUntil } from "./days";

export const EXPIRY_WINDOWS = [30, 60, 90] as const;
export type ExpiryWindow = (typeof EXPIRY_WINDOWS)[number];

export type ExpiringCredential = {
  brokerageId: string;
  brokerageName: string;
  stage: string;
  csmId: string | null;
  approvalId: string;
  attemptId: string;
  attemptNumber: number;
  secretExpiresOn: string;
  /** Negative once the stated expiry has passed. */
  daysLeft: number;
  administratorName: string;
  administratorEmail: string;
};

/**
 * Active credentials whose secret expires within `withinDays` of today (UTC), soonest
 * first; those already past their expiry are included, as they need action most.
 */
export async function listExpiringCredentials(
  withinDays: number,
  now = new Date(),
  options: { csm?: string | null; attemptId?: string; after?: { secretExpiresOn: string; attemptId: string }; limit?: number } = {},
): Promise<ExpiringCredential[]> {
  const filters = [
    eq(submissionAttempts.status, "approved"),
    lte(submissionAttempts.secretExpiresOn, addDays(isoDate(now), withinDays)),
    isNull(credentialApprovals.endedAt),
  ];
  if (options.csm === "unassigned") filters.push(isNull(brokerages.csmId));
  else if (options.csm) filters.push(eq(brokerages.csmId, options.csm));
  if (options.attemptId) filters.push(eq(submissionAttempts.id, options.attemptId));
  // Keyset pagination on (expiry, attempt id).
  if (options.after) {
    filters.push(sql`(${submissionAttempts.secretExpiresOn}, ${submissionAttempts.id}) > (${options.after.secretExpiresOn}::date, ${options.after.attemptId}::uuid)`);
  }
  const rows = await db()
    .select({
      brokerageId: brokerages.id,
      brokerageName: brokerages.name,
      stage: brokerages.stage,
      csmId: brokerages.csmId,
      approvalId: credentialApprovals.id,
      attemptId: submissionAttempts.id,
      attemptNumber: submissionAttempts.number,
      secretExpiresOn: submissionAttempts.secretExpiresOn,
      administratorName: submissionAttempts.submitterName,
      administratorEmail: submissionAttempts.submitterEmail,
    })
    .from(submissionAttempts)
    .innerJoin(credentialApprovals, eq(credentialApprovals.attemptId, submissionAttempts.id))
    .innerJoin(brokerages, eq(brokerages.id, submissionAttempts.brokerageId))
    .where(and(...filters))
    .orderBy(asc(submissionAttempts.secretExpiresOn), asc(submissionAttempts.id))
    .limit(options.limit ?? 1000);
  return rows.map((r) => ({ ...r, daysLeft: daysUntil(r.secretExpiresOn, now) }));
}

/** The most urgent reminder already sent for each approval (0 = the expiry notice). */
export async function lastReminders(approvalIds: string[]): Promise<Map<string, { daysBefore: number; sentAt: Date }>> {
  if (!approvalIds.length) return new Map();
  const rows = await db()
    .select({ approvalId: expiryReminders.approvalId, daysBefore: expiryReminders.daysBefore, sentAt: expiryReminders.sentAt })
    .from(expiryReminders)
    .where(inArray(expiryReminders.approvalId, approvalIds))
    .orderBy(asc(expiryReminders.daysBefore));
  const last = new Map<string, { daysBefore: number; sentAt: Date }>();
  for (const r of rows) if (!last.has(r.approvalId)) last.set(r.approvalId, { daysBefore: r.daysBefore, sentAt: r.sentAt });
  return last;
}
