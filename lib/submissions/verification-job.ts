import "server-only";
import { and, eq, lt, sql } from "drizzle-orm";
import { db } from "../db/client";
import { submissionAttempts, verificationRuns } from "../db/schema";
import type { QueueDefinition } from "../jobs/queue";
import { enqueue } from "../jobs/queue";
import { logger } from "../logger";
import { runRecordedVerification } from "../runs/recorded-run";
import { retryDelaySeconds } from "../runs/retry-schedule";
import { DEFAULT_TIMEOUTS } from "../verification/policy";
import { RECHECK_AFTER_MS } from "../verification/recheck";

/**
 * The `verification.run` job: a submitted attempt's own recorded run (progress live in
 * PostgreSQL, the outcome settled with the stage and the CSM's message). Inconclusive
 * runs are queued again with a growing delay (retry-schedule).
 */

export const VERIFICATION_RUN = "verification.run";

export const VERIFICATION_SWEEP = "verification.sweep";

/**
 * The longest a run takes: two looks (with the wait between them for a fresh setup),
 * the test items' deletion, and a margin for the database writes. A job still active
 * after this lost its worker and is handed to another.
 */
export const RUN_BOUND_SECONDS = Math.ceil((2 * DEFAULT_TIMEOUTS.runMs + RECHECK_AFTER_MS + DEFAULT_TIMEOUTS.cleanupMs) / 1000) + 15;

/** A fresh submission gets this long to be picked up before the sweep queues it again. */
const QUEUE_GRACE_SECONDS = 30;

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
    // A job handed back by a stopping worker starts again on the next free one.
    retryDelaySeconds: 1,
    expireInSeconds: RUN_BOUND_SECONDS,
    concurrency: 4,
  };
}

/** Every minute: attempts waiting for a run that no live job will give them are queued again. */
export function verificationSweepQueue(): QueueDefinition {
  return { name: VERIFICATION_SWEEP, handler: async () => void (await sweepStuckAttempts()), cron: "* * * * *", policy: "singleton" };
}

/**
 * Attempts still `verifying` with no run, or whose latest run started longer ago than a
 * run can take (its worker died, or the outcome was never settled): their job was never
 * queued (the queue refused it after the attempt's commit) or died. Queueing is
 * idempotent through the singleton key, so a job that is in fact waiting stays one job.
 */
export async function sweepStuckAttempts(): Promise<number> {
  const latestRun = db()
    .select({ startedAt: sql<Date>`max(${verificationRuns.startedAt})`.as("started_at") })
    .from(verificationRuns)
    .where(eq(verificationRuns.attemptId, submissionAttempts.id));
  const stuck = await db()
    .select({ id: submissionAttempts.id })
    .from(submissionAttempts)
    .where(
      and(
        eq(submissionAttempts.status, "verifying"),
        lt(submissionAttempts.createdAt, sql`now() - make_interval(secs => ${QUEUE_GRACE_SECONDS})`),
        sql`coalesce((${latestRun}), '-infinity') < now() - make_interval(secs => ${RUN_BOUND_SECONDS})`,
      ),
    )
    .limit(500);
  let queued = 0;
  for (const attempt of stuck) {
    if (await queueVerificationRun({ attemptId: attempt.id, trigger: "submit", retry: 0 })) queued++;
  }
  if (queued) logger().warn({ queued }, "stuck verifications queued again");
  return queued;
}

export async function handleVerificationRun(data: VerificationRunData) {
  const attempt = await db().query.submissionAttempts.findFirst({
    where: eq(submissionAttempts.id, data.attemptId),
    columns: { status: true, secretCiphertext: true, secretKeyId: true, sendTestMessage: true },
  });
  // Settled, replaced or destroyed attempts have nothing left to verify.
  if (!attempt?.secretCiphertext || !attempt.secretKeyId) return;
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
