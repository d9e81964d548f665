import { storedCredentialOf } from "../runs/credentials";
import "server-only";
import { eq } from "drizzle-orm";
import { db } from "../db/client";
import { submissionAttempts } from "../db/schema";
import type { QueueDefinition } from "../jobs/queue";
import { enqueue } from "../jobs/queue";
import { logger } from "../logger";
import { runRecordedVerification } from "../runs/recorded-run";
import { retryDelaySeconds } from "../runs/retry-schedule";

/**
 * The `verification.run` job: a submitted attempt's own recorded run (progress live in
 * PostgreSQL, the outcome settled with the stage and the CSM's message). Inconclusive
 * runs are queued again with a growing delay (retry-schedule).
 */

export const VERIFICATION_RUN = "verification.run";

export type VerificationRunData = { attemptId: string; trigger: "submit" | "scheduled"; retry: number };

/** One queued or running job per attempt at a time (the queue's `stately` policy). */
export async function queueVerificationRun(data: VerificationRunData, delaySeconds?: number) {
  return enqueue(VERIFICATION_RUN, data, { singletonKey: data.attemptId, startAfterSeconds: delaySeconds });
}

export function verificationRunQueue(): QueueDefinition {
  return {
    name: VERIFICATION_RUN,
    handler: handleVerificationRun as QueueDefinition["handler"],
    policy: "stately",
    retryLimit: 2,
    retryDelaySeconds: 10,
    concurrency: 4,
  };
}

export async function handleVerificationRun(data: VerificationRunData) {
  const attempt = await db().query.submissionAttempts.findFirst({
    where: eq(submissionAttempts.id, data.attemptId),
    columns: { id: true, status: true, secretCiphertext: true, secretKeyId: true, credentialMethod: true, certificateDer: true, secretDestroyedAt: true, sendTestMessage: true },
  });
  // Settled, replaced or destroyed attempts have nothing left to verify.
  if (!attempt || !storedCredentialOf(attempt)) return;
  if (attempt.status !== "verifying" && attempt.status !== "inconclusive") return;

  const { outcome } = await runRecordedVerification("submission", {
    attemptId: data.attemptId,
    trigger: data.trigger,
    triggeredBy: null,
    sendTestMessage: attempt.sendTestMessage,
  });
  if (outcome === "inconclusive") {
    const delay = retryDelaySeconds(data.retry);
    if (delay !== null) {
      await queueVerificationRun({ attemptId: data.attemptId, trigger: "scheduled", retry: data.retry + 1 }, delay);
    }
  }
}

/**
 * For the status page: an attempt still waiting with no run well after it was sent
 * lost its job (the queue was unreachable at submit); queue it again. The queue's
 * singleton key makes this a no-op when the job is in fact there.
 */
export async function ensureVerificationQueued(attempt: { id: string; status: string; createdAt: Date }, hasRun: boolean) {
  if (attempt.status !== "verifying" || hasRun || Date.now() - attempt.createdAt.getTime() < 30_000) return;
  await queueVerificationRun({ attemptId: attempt.id, trigger: "submit", retry: 0 }).catch((error: unknown) =>
    logger().error({ err: error, attemptId: attempt.id }, "could not queue verification"),
  );
}
