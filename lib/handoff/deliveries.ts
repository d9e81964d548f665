import "server-only";
import { desc, eq } from "drizzle-orm";
import { db } from "../db/client";
import { brokerages, webhookDeliveries } from "../db/schema";

/** The delivery log, newest first, for the staff administrator's page. */
export async function listRecentDeliveries(limit = 50) {
  return db()
    .select({
      id: webhookDeliveries.id,
      eventType: webhookDeliveries.eventType,
      brokerageId: webhookDeliveries.brokerageId,
      brokerageName: brokerages.name,
      status: webhookDeliveries.status,
      attempts: webhookDeliveries.attempts,
      responseCode: webhookDeliveries.responseCode,
      lastError: webhookDeliveries.lastError,
      lastDurationMs: webhookDeliveries.lastDurationMs,
      createdAt: webhookDeliveries.createdAt,
      lastAttemptAt: webhookDeliveries.lastAttemptAt,
      nextAttemptAt: webhookDeliveries.nextAttemptAt,
      deliveredAt: webhookDeliveries.deliveredAt,
    })
    .from(webhookDeliveries)
    .leftJoin(brokerages, eq(brokerages.id, webhookDeliveries.brokerageId))
    .orderBy(desc(webhookDeliveries.createdAt))
    .limit(limit);
}
