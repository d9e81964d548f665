import { env } from "../env";
import type { QueueDefinition } from "../jobs/queue";
import { REVIEW_RERUN_JOB, rerunAttempt } from "../review/rerun";
import type { RunRecordedVerification } from "./run-port";
import { REVERIFY_RUN_JOB, REVERIFY_SCHEDULE_JOB, reverifyAttempt, scheduleReverification } from "./schedule";

/** Scheduled re-verification (REVERIFY_CRON) and CSM re-runs, both through the recorded-run port. */
export function reverifyQueues(run: RunRecordedVerification): QueueDefinition[] {
  return [
    { name: REVERIFY_SCHEDULE_JOB, handler: async () => void (await scheduleReverification()), cron: env().REVERIFY_CRON, retryLimit: 1 },
    {
      name: REVERIFY_RUN_JOB,
      handler: async (data: { attemptId: string }) => void (await reverifyAttempt(data.attemptId, run)),
      // Checks are mostly waiting on Microsoft; a few at once keeps a large fleet within a morning.
      concurrency: 4,
      retryLimit: 2,
      retryDelaySeconds: 300,
    },
    {
      name: REVIEW_RERUN_JOB,
      handler: async (data: { attemptId: string; triggeredBy: string }) => void (await rerunAttempt(data.attemptId, data.triggeredBy, run)),
      concurrency: 2,
      retryLimit: 1,
    },
  ];
}
