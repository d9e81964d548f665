import { and, eq, lte } from "drizzle-orm";
import { db } from "../db/client";
import { webhookDeliveries } from "../db/schema";
import { enqueue, type QueueDefinition } from "../jobs/queue";
import { attemptDelivery, WEBHOOK_DELIVER_JOB } from "./deliver";

export const WEBHOOK_SWEEP_JOB = "webhook.sweep";
/** A due delivery this late had its job lost (a crash between commit and dispatch). */
const OVERDUE_SECONDS = 120;

/** Queues every pending delivery that is overdue; duplicates are harmless (attempts claim the row). */
export async function sweepWebhookDeliveries(now: Date = new Date()) {
  const overdue = await db()
    .select({ id: webhookDeliveries.id })
    .from(webhookDeliveries)
    .where(and(eq(webhookDeliveries.status, "pending"), lte(webhookDeliveries.nextAttemptAt, new Date(now.getTime() - OVERDUE_SECONDS * 1000))))
    .limit(500);
  for (const { id } of overdue) await enqueue(WEBHOOK_DELIVER_JOB, { deliveryId: id });
  return overdue.length;
}

export function handoffQueues(): QueueDefinition[] {
  return [
    {
      name: WEBHOOK_DELIVER_JOB,
      handler: async (data: { deliveryId: string }) => {
        const outcome = await attemptDelivery(data.deliveryId);
        if (outcome.status === "retry-scheduled") {
          await enqueue(WEBHOOK_DELIVER_JOB, { deliveryId: data.deliveryId }, { startAfterSeconds: outcome.retryInSeconds });
        }
      },
      concurrency: 2,
    },
    { name: WEBHOOK_SWEEP_JOB, handler: async () => void (await sweepWebhookDeliveries()), cron: "*/5 * * * *" },
  ];
}
