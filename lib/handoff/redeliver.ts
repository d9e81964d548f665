import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import { inAuditedTransaction } from "../audit/change";
import type { AuditEntry } from "../audit/record";
import { webhookDeliveries } from "../db/schema";
import { UserError } from "../errors";
import { dispatchWebhook, webhookTarget } from "./deliver";
import { newWebhookId } from "./events";

type Actor = { staffId: string; origin?: AuditEntry["origin"] };

/** Deliveries a staff administrator may send again: those that gave up, or were recorded while no URL was set. */
export const REDELIVERABLE = ["failed", "not-configured"] as const;

function requireTarget() {
  const target = webhookTarget();
  if (!target) throw new UserError("WEBHOOK_URL is not set, so there is nowhere to send events. Set it and restart the portal first.");
  if (!target.secret) throw new UserError("WEBHOOK_SECRET is not set, so events cannot be signed. Set it and restart the portal first.");
}

/**
 * Puts a failed or never-sent event back in line: same id and body (the sync service
 * drops a duplicate id), attempts counted afresh, sent at once after commit.
 */
export async function redeliverWebhook(deliveryId: string, actor: Actor, now = new Date()): Promise<void> {
  requireTarget();
  await inAuditedTransaction({ type: "staff", id: actor.staffId }, actor.origin ?? null, async ({ tx, audit }) => {
    const [row] = await tx
      .update(webhookDeliveries)
      .set({ status: "pending", attempts: 0, nextAttemptAt: now, lastError: null, responseCode: null })
      .where(and(eq(webhookDeliveries.id, deliveryId), inArray(webhookDeliveries.status, [...REDELIVERABLE])))
      .returning({ id: webhookDeliveries.id, eventType: webhookDeliveries.eventType, brokerageId: webhookDeliveries.brokerageId });
    if (!row) throw new UserError("This event is already delivered or on its way.");
    await audit({ action: "webhook.redelivered", subject: { type: "webhook", id: row.id }, brokerageId: row.brokerageId, detail: { eventType: row.eventType } });
  });
  await dispatchWebhook(deliveryId);
}

/** A `webhook.test` event with no brokerage in it, recorded and sent like any other, to check the endpoint and its secret. */
export async function sendTestWebhook(actor: Actor, now = new Date()): Promise<string> {
  requireTarget();
  const id = newWebhookId();
  await inAuditedTransaction({ type: "staff", id: actor.staffId }, actor.origin ?? null, async ({ tx, audit }) => {
    const body = JSON.stringify({ type: "webhook.test", timestamp: now.toISOString(), data: {} });
    await tx.insert(webhookDeliveries).values({ id, eventType: "webhook.test", brokerageId: null, body, nextAttemptAt: now, createdAt: now });
    await audit({ action: "webhook.test-sent", subject: { type: "webhook", id } });
  });
  await dispatchWebhook(id);
  return id;
}
