import { dispatchEmails } from "../email/queue-email";
import type { QueueDefinition } from "../jobs/queue";
import { sendDueReminders } from "./reminders";

/** Invite reminders, checked hourly (UTC) so a reminder goes out within an hour of falling due. */
export function onboardingQueues(): QueueDefinition[] {
  return [
    {
      name: "onboarding.reminders",
      handler: async () => {
        const { messageIds } = await sendDueReminders();
        await dispatchEmails(messageIds);
      },
      cron: "7 * * * *",
      retryLimit: 1,
    },
  ];
}
