import "server-only";
import { hasStoredCredential } from "../runs/credentials";
import { eq } from "drizzle-orm";
import { inAuditedTransaction } from "../audit/change";
import { db } from "../db/client";
import { submissionAttempts } from "../db/schema";
import { UserError } from "../errors";
import { enqueue, type QueueDefinition } from "../jobs/queue";
import type { RecordRun } from "../runs/record";
import { runRecordedVerification } from "../runs/recorded-run";
import { auditActorOf, type StaffActor } from "./actor";

export const REVIEW_RERUN_JOB = "review.rerun";

/** A CSM asks for the checks to run again on the stored secret; the run itself is a queued job. */
export async function requestRerun(attemptId: string, actor: StaffActor): Promise<void> {
  await inAuditedTransaction(auditActorOf(actor), actor.origin ?? null, async (change) => {
    const [attempt] = await change.tx
      .select({ id: submissionAttempts.id, brokerageId: submissionAttempts.brokerageId, number: submissionAttempts.number, status: submissionAttempts.status, secretKeyId: submissionAttempts.secretKeyId, secretDestroyedAt: submissionAttempts.secretDestroyedAt, secretCiphertext: submissionAttempts.secretCiphertext, credentialMethod: submissionAttempts.credentialMethod })
      .from(submissionAttempts)
      .where(eq(submissionAttempts.id, attemptId));
    if (!attempt) throw new UserError("There is no such submission.");
    if (!hasStoredCredential(attempt)) {
      throw new UserError("The secret of this attempt has been destroyed, so its checks cannot run again.");
    }
    await change.audit({
      action: "attempt.rerun-requested",
      subject: { type: "attempt", id: attemptId },
      brokerageId: attempt.brokerageId,
      detail: { attemptNumber: attempt.number, status: attempt.status },
    });
  });
  await enqueue(REVIEW_RERUN_JOB, { attemptId, triggeredBy: actor.staffId });
}

/** The job behind a re-run: a recorded run with trigger "recheck", settled like every run. */
export async function rerunAttempt(attemptId: string, triggeredBy: string, record?: RecordRun, now?: () => Date) {
  const [attempt] = await db()
    .select({ sendTestMessage: submissionAttempts.sendTestMessage, status: submissionAttempts.status })
    .from(submissionAttempts)
    .where(eq(submissionAttempts.id, attemptId));
  if (!attempt) return "not-found" as const;
  // Live credentials are re-checked quietly, as the schedule does: no test message in a working mailbox.
  const sendTestMessage = attempt.sendTestMessage && attempt.status !== "approved";
  const { assessment } = await runRecordedVerification("recheck", { attemptId, trigger: "recheck", triggeredBy, sendTestMessage }, { record, now });
  return assessment;
}

export function rerunQueue(record?: RecordRun): QueueDefinition {
  return {
    name: REVIEW_RERUN_JOB,
    handler: async (data: { attemptId: string; triggeredBy: string }) => void (await rerunAttempt(data.attemptId, data.triggeredBy, record)),
    concurrency: 2,
    retryLimit: 1,
  };
}
