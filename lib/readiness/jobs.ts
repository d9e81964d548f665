import type { QueueDefinition } from "../jobs/queue";
import { READINESS_CHECK_JOB, runReadinessCheck } from "./run";

/** The readiness check as a job; a retried job resumes the run where it stopped. */
export function readinessQueues(): QueueDefinition[] {
  return [
    {
      name: READINESS_CHECK_JOB,
      handler: async (data: { runId: string }) => void (await runReadinessCheck(data.runId)),
      concurrency: 2,
      retryLimit: 3,
      retryDelaySeconds: 10,
    },
  ];
}
