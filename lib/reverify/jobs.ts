import { env } from "../env";
import type { QueueDefinition } from "../jobs/queue";
import type { RecordRun } from "../runs/record";
import { recheckAgentsOf, REVERIFY_RUN_JOB, REVERIFY_SCHEDULE_JOB, reverifyAttempt, scheduleReverification } from "./schedule";

/** Scheduled re-verification (REVERIFY_CRON): one recorded run per active credential. */
export function reverifyQueues(record?: RecordRun): QueueDefinition[] {
  return [
    { name: REVERIFY_SCHEDULE_JOB, handler: async () => void (await scheduleReverification()), cron: env().REVERIFY_CRON, retryLimit: 1 },
    {
      name: REVERIFY_RUN_JOB,
      handler: async (data: { attemptId: string }) => {
        if ((await reverifyAttempt(data.attemptId, record)) !== "not-active") await recheckAgentsOf(data.attemptId);
      },
      // Checks are mostly waiting on Microsoft; a few at once keeps a large fleet within a morning.
      concurrency: 4,
      retryLimit: 2,
      retryDelaySeconds: 300,
    },
  ];
}
