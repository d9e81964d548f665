import "server-only";
import { and, inArray, isNotNull, lt } from "drizzle-orm";
import { inAuditedTransaction } from "../audit/change";
import { submissionAttempts } from "../db/schema";
import { env } from "../env";
import type { QueueDefinition } from "../jobs/queue";
import { destroySecretSet } from "../review/attempt-lock";

export const RETENTION_JOB = "retention.abandoned-secrets";

/** Attempts nobody approved: their secret or private key serves nobody once they are left. */
const ABANDONED = ["failed", "inconclusive", "verified"] as const;

/**
 * Clears the sealed secret (or private key) of every attempt left unapproved for more
 * than ABANDONED_SECRET_DAYS, one audit event each, in one transaction. The rows stay,
 * with their checks and the secret's hint, so the history still reads.
 */
export async function clearAbandonedSecrets(now = new Date()): Promise<string[]> {
  const cutoff = new Date(now.getTime() - env().ABANDONED_SECRET_DAYS * 86_400_000);
  return inAuditedTransaction({ type: "system" }, null, async ({ tx, audit, unchanged }) => {
    const cleared = await tx
      .update(submissionAttempts)
      .set(destroySecretSet(now))
      .where(and(inArray(submissionAttempts.status, [...ABANDONED]), lt(submissionAttempts.createdAt, cutoff), isNotNull(submissionAttempts.secretCiphertext)))
      .returning({ id: submissionAttempts.id, brokerageId: submissionAttempts.brokerageId, status: submissionAttempts.status });
    if (cleared.length === 0) return unchanged([]);
    for (const attempt of cleared) {
      await audit({
        action: "secret.purged",
        subject: { type: "attempt", id: attempt.id },
        brokerageId: attempt.brokerageId,
        detail: { status: attempt.status, olderThanDays: env().ABANDONED_SECRET_DAYS },
      });
    }
    return cleared.map((a) => a.id);
  });
}

export function retentionQueues(): QueueDefinition[] {
  return [{ name: RETENTION_JOB, handler: async () => void (await clearAbandonedSecrets()), cron: "30 3 * * *" }];
}
