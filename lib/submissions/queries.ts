import "server-only";
import { and, asc, desc, eq, inArray } from "drizzle-orm";
import { db } from "../db/client";
import { brokerages, checkResults, submissionAttempts, verificationRuns } from "../db/schema";
import { isGuid } from "../validation/guid";

/**
 * What brokerage pages read about attempts, as plain objects without the secret or
 * its ciphertext. Every read is scoped by the session's brokerage.
 */

const attemptColumns = {
  id: submissionAttempts.id,
  number: submissionAttempts.number,
  status: submissionAttempts.status,
  tenantId: submissionAttempts.tenantId,
  clientId: submissionAttempts.clientId,
  testMailbox: submissionAttempts.testMailbox,
  secretExpiresOn: submissionAttempts.secretExpiresOn,
  sendTestMessage: submissionAttempts.sendTestMessage,
  accessScope: submissionAttempts.accessScope,
  outsideMailbox: submissionAttempts.outsideMailbox,
  submitterName: submissionAttempts.submitterName,
  submitterEmail: submissionAttempts.submitterEmail,
  submitterPhone: submissionAttempts.submitterPhone,
  secretHint: submissionAttempts.secretHint,
  credentialMethod: submissionAttempts.credentialMethod,
  createdAt: submissionAttempts.createdAt,
};

export async function getBrokerageName(brokerageId: string): Promise<string | null> {
  const [row] = await db().select({ name: brokerages.name }).from(brokerages).where(eq(brokerages.id, brokerageId));
  return row?.name ?? null;
}

/** Newest first, each with the outcome of its latest run. */
export async function listAttempts(brokerageId: string) {
  const attempts = await db()
    .select(attemptColumns)
    .from(submissionAttempts)
    .where(eq(submissionAttempts.brokerageId, brokerageId))
    .orderBy(desc(submissionAttempts.number));
  return attempts;
}

export async function getLatestAttempt(brokerageId: string) {
  const [latest] = await db()
    .select(attemptColumns)
    .from(submissionAttempts)
    .where(eq(submissionAttempts.brokerageId, brokerageId))
    .orderBy(desc(submissionAttempts.number))
    .limit(1);
  return latest ?? null;
}

/** The attempt if it belongs to this brokerage; null for another's, or for an id that is not one. */
export async function getAttemptForBrokerage(brokerageId: string, attemptId: string) {
  if (!isGuid(attemptId)) return null;
  const [attempt] = await db()
    .select(attemptColumns)
    .from(submissionAttempts)
    .where(and(eq(submissionAttempts.id, attemptId.toLowerCase()), eq(submissionAttempts.brokerageId, brokerageId)));
  return attempt ?? null;
}

export type Attempt = NonNullable<Awaited<ReturnType<typeof getAttemptForBrokerage>>>;

/** The attempt's runs, oldest first, and the check rows of the latest. */
export async function getLatestRun(attemptId: string) {
  const runs = await db()
    .select()
    .from(verificationRuns)
    .where(eq(verificationRuns.attemptId, attemptId))
    .orderBy(asc(verificationRuns.startedAt));
  const latest = runs.at(-1);
  if (!latest) return { runs, latest: null, checks: [] };
  const checks = await db().select().from(checkResults).where(eq(checkResults.runId, latest.id));
  return { runs, latest, checks };
}

/** For the history list: the outcome of each attempt's latest run. */
export async function latestOutcomes(attemptIds: string[]) {
  if (attemptIds.length === 0) return new Map<string, string>();
  const rows = await db()
    .select({ attemptId: verificationRuns.attemptId, outcome: verificationRuns.outcome, startedAt: verificationRuns.startedAt })
    .from(verificationRuns)
    .where(inArray(verificationRuns.attemptId, attemptIds))
    .orderBy(asc(verificationRuns.startedAt));
  return new Map(rows.map((r) => [r.attemptId, r.outcome]));
}
