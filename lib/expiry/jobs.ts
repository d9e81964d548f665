import type { QueueDefinition } from "../jobs/queue";
import { remindStalledRotations } from "../rotation/stalled";
import { EXPIRY_REMINDERS_JOB, sendExpiryReminders } from "./reminders";

export function expiryQueues(): QueueDefinition[] {
  // Hourly: each reminder is claimed once, so a credential that crosses a threshold (or a
  // process that was down at the usual hour) is reminded within the hour, never twice. Stalled
  // rotations are reminded at most weekly, whatever the run.
  const handler = async () => {
    await sendExpiryReminders();
    await remindStalledRotations();
  };
  return [{ name: EXPIRY_REMINDERS_JOB, handler, cron: "7 * * * *" }];
}
