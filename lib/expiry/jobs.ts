import type { QueueDefinition } from "../jobs/queue";
import { remindStalledRotations } from "../rotation/stalled";
import { EXPIRY_REMINDERS_JOB, sendExpiryReminders } from "./reminders";

export function expiryQueues(): QueueDefinition[] {
  // Daily, early UTC, so reminders arrive at the start of a North American working day.
  const handler = async () => {
    await sendExpiryReminders();
    await remindStalledRotations();
  };
  return [{ name: EXPIRY_REMINDERS_JOB, handler, cron: "0 12 * * *" }];
}
