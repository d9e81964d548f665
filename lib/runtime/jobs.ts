import { emailQueues } from "../email/jobs";
import { expiryQueues } from "../expiry/jobs";
import { handoffQueues } from "../handoff/jobs";
import type { QueueDefinition } from "../jobs/queue";
import { onboardingQueues } from "../onboarding/jobs";
import { providerQueues } from "../providers/jobs";
import { readinessQueues } from "../readiness/jobs";
import { rerunQueue } from "../review/rerun";
import { reverifyQueues } from "../reverify/jobs";
import { rotationRunQueue } from "../rotation/verify";
import { retentionQueues } from "../submissions/retention";
import { verificationRunQueue, verificationSweepQueue } from "../submissions/verification-job";

/**
 * Every queue the worker serves, put together where the process starts, so
 * `npm run worker` and the in-process worker serve exactly the same jobs. Features
 * define their queues; the queue module knows none of them.
 */
export function queueDefinitions(): QueueDefinition[] {
  return [
    verificationRunQueue(),
    verificationSweepQueue(),
    rerunQueue(),
    ...emailQueues(),
    ...onboardingQueues(),
    ...handoffQueues(),
    ...expiryQueues(),
    ...reverifyQueues(),
    ...providerQueues(),
    rotationRunQueue(),
    ...retentionQueues(),
    ...readinessQueues(),
  ];
}
