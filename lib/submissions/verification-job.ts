import "server-only";
import { and, eq, lt, sql } from "drizzle-orm";
import { db } from "../db/client";
import { submissionAttempts } from "../db/schema";
import type { QueueDefinition } from "../jobs/queue";
import { activeJobKeys, enqueue, failDeadJobs } from "../jobs/queue";
import { unheldKeys, whileAlive } from "../jobs/liveness";
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

/**
 * What the sweep leaves alone: a submission this fresh (its job is on its way) and a job
 * a worker took this recently (its handler is about to take the liveness lock).
 */
const GRACE_SECONDS = 10;

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
  return {
    name: VERIFICATION_SWEEP,
    handler: async () => void (await sweepStuckAttempts()),
    cron: "* * * * *",
    // A worker coming back sweeps at once: it may be the one whose runs died.
    atStart: true,
    policy: "singleton",
  };
}

/**
 * Runs nobody is running any more, found by asking PostgreSQL who holds each attempt's
 * liveness lock (lib/jobs/liveness): a job active on a worker that died (kill -9) is
 * handed back, and an attempt still `verifying` with no live job (the queue refused its
 * job after the attempt's commit, or its retries ran out) is queued. Queueing is
 * idempotent through the singleton key, so a job that is in fact waiting stays one job.
 */
export async function sweepStuckAttempts(): Promise<{ queued: number; handedBack: number }> {
  const active = await activeJobKeys(VERIFICATION_RUN, GRACE_SECONDS);
  const handedBack = await failDeadJobs(VERIFICATION_RUN, await unheldKeys(active), GRACE_SECONDS);
  const waiting = await db()
    .select({ id: submissionAttempts.id })
    .from(submissionAttempts)
    .where(
      and(
        eq(submissionAttempts.status, "verifying"),
        lt(submissionAttempts.createdAt, sql`now() - make_interval(secs => ${GRACE_SECONDS})`),
      ),
    )
    .limit(500);
  let queued = 0;
  for (const attemptId of await unheldKeys(waiting.map((a) => a.id))) {
    if (await queueVerificationRun({ attemptId, trigger: "submit", retry: 0 })) queued++;
  }
  if (queued || handedBack) logger().warn({ queued, handedBack }, "stuck verifications queued again");
  return { queued, handedBack };
}

export async function handleVerificationRun(data: VerificationRunData) {
  const attempt = await db().query.submissionAttempts.findFirst({
    where: eq(submissionAttempts.id, data.attemptId),
    columns: { status: true, secretCiphertext: true, secretKeyId: true, sendTestMessage: true },
  });
  // Settled, replaced or destroyed attempts have nothing left to verify.
  if (!attempt?.secretCiphertext || !attempt.secretKeyId) return;
  if (attempt.status !== "verifying" && attempt.status !== "inconclusive") return;

  // Held while the run lasts, so the sweep can tell a live run from one whose worker died.
  const { outcome } = await whileAlive(data.attemptId, () =>
    runRecordedVerification("submission", {
      attemptId: data.attemptId,
      trigger: data.trigger,
      triggeredBy: null,
      sendTestMessage: attempt.sendTestMessage,
    }),
  );
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
