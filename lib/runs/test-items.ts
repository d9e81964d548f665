import "server-only";
import { and, eq, inArray, isNull, lt, or, sql } from "drizzle-orm";
import { inAuditedTransaction } from "../audit/change";
import { SecretUnavailableError } from "../crypto/secret-box";
import { db } from "../db/client";
import { submissionAttempts, verificationTestItems } from "../db/schema";
import { logger } from "../logger";
import { deleteLeftoverTestItems } from "../verification/leftovers";
import type { TestItem, TestItemListener } from "../verification/types";
import { openCredential, storedCredentialOf, type TokenCredential } from "./credentials";

/**
 * The record of the test items a run created, so that a run whose process died between
 * the create and the cleanup leaves nothing behind for good: the next run for the
 * brokerage deletes what the same app created, and the sweep deletes the rest with the
 * credential of the attempt that created them.
 */

type Row = typeof verificationTestItems.$inferSelect;

const itemOf = (row: Row): TestItem => ({ kind: row.kind, id: row.itemId, mailbox: row.mailbox });

/** The listener a run passes to the checks: a row as soon as Microsoft answers the create, gone with the item. */
export function testItemRecorder(attempt: { id: string; brokerageId: string }): TestItemListener {
  return {
    onCreated: async (item) => {
      await db()
        .insert(verificationTestItems)
        .values({ kind: item.kind, itemId: item.id, mailbox: item.mailbox, brokerageId: attempt.brokerageId, attemptId: attempt.id })
        .onConflictDoNothing();
    },
    onDeleted: async (item) => {
      await removeRecords([item]);
    },
  };
}

async function removeRecords(items: readonly TestItem[]) {
  for (const item of items) {
    await db()
      .delete(verificationTestItems)
      .where(and(eq(verificationTestItems.mailbox, item.mailbox), eq(verificationTestItems.itemId, item.id)));
  }
}

/**
 * How long the sweep waits before it tries an item that would not delete again (a mailbox
 * that refuses deletes): each try opens the credential, an audited event.
 */
const RETRY_AFTER_SECONDS = 3_600;

async function deleteRecorded(rows: readonly Row[], credential: TokenCredential & { tenantId: string; clientId: string }) {
  const gone = await deleteLeftoverTestItems(credential, rows.map(itemOf));
  await removeRecords(gone);
  const goneIds = new Set(gone.map((item) => `${item.mailbox}\n${item.id}`));
  const left = rows.filter((row) => !goneIds.has(`${row.mailbox}\n${row.itemId}`)).map((row) => row.id);
  if (left.length) {
    await db().update(verificationTestItems).set({ triedAt: new Date() }).where(inArray(verificationTestItems.id, left));
    logger().warn({ left: left.length }, "leftover test items could not be deleted yet");
  }
  return gone.length;
}

/**
 * Before a run's checks: the brokerage's leftovers created by the same app in the same
 * tenant, deleted with the credential this run just opened. Leftovers of another app
 * wait for the sweep, which opens their own attempt's credential. Never fails the run.
 */
export async function deleteLeftoversBeforeRun(
  attempt: { brokerageId: string; tenantId: string; clientId: string },
  credential: TokenCredential,
): Promise<number> {
  try {
    const rows = await db()
      .select({ item: verificationTestItems })
      .from(verificationTestItems)
      .innerJoin(submissionAttempts, eq(submissionAttempts.id, verificationTestItems.attemptId))
      .where(
        and(
          eq(verificationTestItems.brokerageId, attempt.brokerageId),
          eq(submissionAttempts.tenantId, attempt.tenantId),
          eq(submissionAttempts.clientId, attempt.clientId),
        ),
      );
    if (!rows.length) return 0;
    return await deleteRecorded(
      rows.map((r) => r.item),
      { ...credential, tenantId: attempt.tenantId, clientId: attempt.clientId },
    );
  } catch (error) {
    logger().error({ err: error, brokerageId: attempt.brokerageId }, "leftover test items could not be deleted");
    return 0;
  }
}

/** Recorded longer ago than `olderThanSeconds`, and not tried in the last hour. */
const dueForSweep = (olderThanSeconds: number) =>
  and(
    lt(verificationTestItems.createdAt, sql`now() - make_interval(secs => ${olderThanSeconds})`),
    or(isNull(verificationTestItems.triedAt), lt(verificationTestItems.triedAt, sql`now() - make_interval(secs => ${RETRY_AFTER_SECONDS})`)),
  );

/** The attempts with test items due for the sweep (recorded longer ago than `olderThanSeconds`). */
export async function attemptsWithLeftovers(olderThanSeconds: number): Promise<string[]> {
  const rows = await db().selectDistinct({ attemptId: verificationTestItems.attemptId }).from(verificationTestItems).where(dueForSweep(olderThanSeconds)).limit(200);
  return rows.map((r) => r.attemptId);
}

/**
 * For the sweep: deletes the recorded items of these attempts (no live run holds them),
 * each attempt's with its own stored credential, opened as an audited change. An attempt
 * whose credential is gone (revoked, replaced) keeps its records for its brokerage's next
 * run with the same app.
 */
export async function sweepLeftoverTestItems(attemptIds: readonly string[], olderThanSeconds: number): Promise<number> {
  let deleted = 0;
  for (const attemptId of attemptIds) {
    try {
      const attempt = await db().query.submissionAttempts.findFirst({ where: eq(submissionAttempts.id, attemptId) });
      const stored = attempt && storedCredentialOf(attempt);
      if (!attempt || !stored) continue;
      const rows = await db()
        .select()
        .from(verificationTestItems)
        .where(and(eq(verificationTestItems.attemptId, attemptId), dueForSweep(olderThanSeconds)));
      if (!rows.length) continue;
      const credential = await inAuditedTransaction({ type: "system", id: "verification.sweep" }, null, (change) =>
        openCredential(change, stored, { brokerageId: attempt.brokerageId, detail: { cleanup: "test-items" } }),
      );
      deleted += await deleteRecorded(rows, { ...credential, tenantId: attempt.tenantId, clientId: attempt.clientId });
    } catch (error) {
      if (!(error instanceof SecretUnavailableError)) logger().error({ err: error, attemptId }, "leftover test items could not be deleted");
    }
  }
  return deleted;
}
