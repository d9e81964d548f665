import "server-only";
import { eq, sql } from "drizzle-orm";
import type { Transaction } from "../db/client";
import { brokerages, submissionAttempts } from "../db/schema";

/**
 * Locks an attempt's brokerage, then reads the attempt, so approvals, revocations and
 * rotations of one brokerage happen one at a time and each sees what the last one did.
 * (Reading both in one `for update of brokerages` would return the attempt as it was
 * before the wait.)
 */
export async function lockAttempt(tx: Transaction, attemptId: string) {
  const [head] = await tx.select({ brokerageId: submissionAttempts.brokerageId }).from(submissionAttempts).where(eq(submissionAttempts.id, attemptId));
  if (!head) return null;
  const [brokerage] = await tx
    .select({ id: brokerages.id, name: brokerages.name, stage: brokerages.stage, csmId: brokerages.csmId })
    .from(brokerages)
    .where(eq(brokerages.id, head.brokerageId))
    .for("update");
  const [attempt] = await tx.select().from(submissionAttempts).where(eq(submissionAttempts.id, attemptId));
  return brokerage && attempt ? { attempt, brokerage } : null;
}

/** A destroyed secret is gone for good: ciphertext and key id cleared, the time kept. */
export function destroySecretSet(now: Date) {
  return { secretCiphertext: sql`null`, secretKeyId: null, secretDestroyedAt: now } as const;
}
