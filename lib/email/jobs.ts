import type { QueueDefinition } from "../jobs/queue";
import { deliverMessage, EMAIL_MAX_ATTEMPTS, sweepQueuedMessages } from "./deliver";
import { EMAIL_SEND_QUEUE } from "./queue-email";

/** Email delivery: one job per message with back-off retries, and a sweep for messages nobody queued. */
export function emailQueues(): QueueDefinition[] {
  return [
    {
      name: EMAIL_SEND_QUEUE,
      handler: async (data: { messageId: string }) => void (await deliverMessage(data.messageId)),
      // 30 s, 60 s, 120 s, 240 s between attempts; the last one marks the message failed.
      retryLimit: EMAIL_MAX_ATTEMPTS - 1,
      retryDelaySeconds: 30,
      concurrency: 2,
    },
    { name: "email.sweep", handler: async () => void (await sweepQueuedMessages()), cron: "* * * * *", retryLimit: 0 },
  ];
}
