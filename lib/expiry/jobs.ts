import type { QueueDefinition } from "../jobs/queue";
import { EXPIRY_REMINDERS_JOB, sendExpiryReminders } from "./reminders";

export function expiryQueues(): QueueDefinition[] {
  // Daily, early UTC, so reminders arrive at the start of a North American working day.
  return [{ name: EXPIRY_REMINDERS_JOB, handler: async () => void (await sendExpiryReminders()), cron: "0 12 * * *" }];
}
