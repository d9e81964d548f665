import { and, eq, lte, sql } from "drizzle-orm";
import { db } from "../db/client";
import { webhookDeliveries } from "../db/schema";
import { env } from "../env";
import { enqueue } from "../jobs/queue";
import { webhookHeaders } from "./signing";

/**
 * Delivery of hand-off events: one POST per attempt, signed afresh each time (a new
 * timestamp, the same id and body), retried on our own schedule so the delivery log
 * always says when the next try is due.
 */

export const WEBHOOK_DELIVER_JOB = "webhook.deliver";
/** Waits after each failed attempt; when they run out the delivery is marked failed (8 attempts, about 11 hours). */
export const WEBHOOK_RETRY_DELAYS_SECONDS = [30, 120, 600, 1800, 3600, 10_800, 21_600];
export const WEBHOOK_MAX_ATTEMPTS = WEBHOOK_RETRY_DELAYS_SECONDS.length + 1;
const REQUEST_TIMEOUT_MS = 10_000;
/** While an attempt is in flight, its row is leased so a duplicate job skips it. */
const LEASE_SECONDS = 60;

export type DeliveryOutcome =
  | { status: "delivered" | "failed" | "not-configured" | "not-due" }
  | { status: "retry-scheduled"; retryInSeconds: number };

export type WebhookTarget = { url: string; secret: string | undefined };

export function webhookTarget(): WebhookTarget | null {
  const { WEBHOOK_URL, WEBHOOK_SECRET } = env();
  return WEBHOOK_URL ? { url: WEBHOOK_URL, secret: WEBHOOK_SECRET } : null;
}

/** Queues the delivery after the transaction that recorded the event has committed. */
export async function dispatchWebhook(deliveryId: string) {
  await enqueue(WEBHOOK_DELIVER_JOB, { deliveryId });
}

type AttemptResult = { ok: boolean; responseCode: number | null; error: string | null; durationMs: number };

async function post(target: WebhookTarget, id: string, body: string, at: Date): Promise<AttemptResult> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  if (!target.secret) return { ok: false, responseCode: null, error: "WEBHOOK_SECRET is not set", durationMs: 0 };
  try {
    const response = await fetch(target.url, {
      method: "POST",
      headers: { "content-type": "application/json", "user-agent": "m365-onboarding-portal", ...webhookHeaders(target.secret, id, at, body) },
      body,
      redirect: "manual",
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
    await response.body?.cancel();
    const ok = response.status >= 200 && response.status < 300;
    return { ok, responseCode: response.status, error: ok ? null : `HTTP ${response.status}`, durationMs: elapsed() };
  } catch (error) {
    return { ok: false, responseCode: null, error: describeFetchError(error), durationMs: elapsed() };
  }
}

function describeFetchError(error: unknown): string {
  if (error instanceof Error && error.name === "TimeoutError") return `No answer within ${REQUEST_TIMEOUT_MS / 1000} seconds`;
  const cause = error instanceof Error ? (error.cause as { code?: string; message?: string } | undefined) : undefined;
  const message = error instanceof Error ? error.message : String(error);
  return (cause?.code ?? cause?.message ?? message).slice(0, 200);
}

/**
 * One delivery attempt, if one is due. Safe to call twice at once: the row is claimed
 * with a conditional update first.
 */
export async function attemptDelivery(deliveryId: string, now: Date = new Date()): Promise<DeliveryOutcome> {
  const target = webhookTarget();
  if (!target) {
    const [row] = await db()
      .update(webhookDeliveries)
      .set({ status: "not-configured", lastError: "WEBHOOK_URL is not set" })
      .where(and(eq(webhookDeliveries.id, deliveryId), eq(webhookDeliveries.status, "pending")))
      .returning({ id: webhookDeliveries.id });
    return { status: row ? "not-configured" : "not-due" };
  }
  const [claimed] = await db()
    .update(webhookDeliveries)
    .set({ nextAttemptAt: new Date(now.getTime() + LEASE_SECONDS * 1000) })
    .where(and(eq(webhookDeliveries.id, deliveryId), eq(webhookDeliveries.status, "pending"), lte(webhookDeliveries.nextAttemptAt, now)))
    .returning({ body: webhookDeliveries.body, attempts: webhookDeliveries.attempts });
  if (!claimed) return { status: "not-due" };

  const result = await post(target, deliveryId, claimed.body, now);
  const attempts = claimed.attempts + 1;
  const delay = result.ok ? undefined : WEBHOOK_RETRY_DELAYS_SECONDS[attempts - 1];
  const status = result.ok ? "delivered" : delay === undefined ? "failed" : "pending";
  await db()
    .update(webhookDeliveries)
    .set({
      status,
      attempts,
      responseCode: result.responseCode,
      lastError: result.error,
      lastDurationMs: result.durationMs,
      firstAttemptAt: sql`coalesce(${webhookDeliveries.firstAttemptAt}, ${now.toISOString()}::timestamptz)`,
      lastAttemptAt: now,
      deliveredAt: result.ok ? new Date(now.getTime() + result.durationMs) : null,
      nextAttemptAt: delay === undefined ? now : new Date(now.getTime() + delay * 1000),
    })
    .where(eq(webhookDeliveries.id, deliveryId));
  if (delay !== undefined) return { status: "retry-scheduled", retryInSeconds: delay };
  return { status: result.ok ? "delivered" : "failed" };
}
