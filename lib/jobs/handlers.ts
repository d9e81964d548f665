import { expiryQueues } from "../expiry/jobs";
import { handoffQueues } from "../handoff/jobs";
import { reverifyQueues } from "../reverify/jobs";
import { runOnStoredSecret } from "../reverify/recorded-run";
import { verificationRunQueue } from "../submissions/verification-job";
import { emailQueues } from "../email/jobs";
import { onboardingQueues } from "../onboarding/jobs";
import type { QueueDefinition } from "./queue";

/**
 * Every queue the worker serves. Features add their definitions here, so
 * `npm run worker` and the in-process worker serve exactly the same jobs.
 */
export function queueDefinitions(): QueueDefinition[] {
  return [verificationRunQueue(), ...emailQueues(), ...onboardingQueues(), ...handoffQueues(), ...expiryQueues(), ...reverifyQueues(runOnStoredSecret)];
}
