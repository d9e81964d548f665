import type { QueueDefinition } from "../jobs/queue";
import { EXPIRY_REMINDERS_JOB, sendExpiryReminders } from "./reminders";

export function expiryQueues(): QueueDefinition[] {
  // Hourly: each reminder is claimed once, so a credential that crosses a threshold (or a
  // process that was down at the usual hour) is reminded within the hour, never twice.
  return [{ name: EXPIRY_REMINDERS_JOB, handler: async () => void (await sendExpiryReminders()), cron: "7 * * * *" }];
}
