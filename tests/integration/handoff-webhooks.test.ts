import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { webhookDeliveries } from "@/lib/db/schema";
import { resetEnvCache } from "@/lib/env";
import { attemptDelivery, WEBHOOK_MAX_ATTEMPTS, WEBHOOK_RETRY_DELAYS_SECONDS } from "@/lib/handoff/deliver";
import { recordHandoffEvent } from "@/lib/handoff/events";
import { handoffQueues, sweepWebhookDeliveries } from "@/lib/handoff/jobs";
import { generateWebhookSecret, verifyWebhook } from "@/lib/handoff/signing";
import { startWorker, stopSender } from "@/lib/jobs/queue";
import { approveAttempt } from "@/lib/review/approve";
import { installQueue } from "../support/queue";
import { createBrokerage, SECRET, useTestKeyRing, verifiedAttempt } from "../support/review-fixtures";
import { startWebhookReceiver } from "../support/webhook-receiver";

const secret = generateWebhookSecret();
let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;

function configure(url: string | null, webhookSecret: string | null = secret) {
  if (url) process.env.WEBHOOK_URL = url;
  else delete process.env.WEBHOOK_URL;
  if (webhookSecret) process.env.WEBHOOK_SECRET = webhookSecret;
  else delete process.env.WEBHOOK_SECRET;
  resetEnvCache();
}

beforeAll(async () => {
  useTestKeyRing();
  await installQueue();
  receiver = await startWebhookReceiver();
});
afterAll(async () => {
  await stopSender();
  await receiver.close();
});
beforeEach(() => {
  configure(receiver.url);
  receiver.respondWith(204);
  receiver.received.length = 0;
});

async function event(at = new Date()) {
  const b = await createBrokerage();
  const id = await recordHandoffEvent(db(), {
    type: "credentials.approved",
    at,
    data: { brokerageId: b.id, attemptId: "4c1f7a0e-0000-4000-8000-000000000001", tenantId: "t", clientId: "c", secretExpiresOn: "2027-01-31", credentialMethod: "client-secret" },
  });
  return id;
}

/** A loopback port nobody listens on. */
async function closedPort() {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

const row = async (id: string) => (await db().query.webhookDeliveries.findFirst({ where: eq(webhookDeliveries.id, id) }))!;

describe("webhook delivery", () => {
  it("posts the event with a Standard Webhooks signature the receiver verifies, and logs the delivery", async () => {
    const id = await event();
    expect(await attemptDelivery(id)).toEqual({ status: "delivered" });
    const [hook] = receiver.received;
    expect(hook!.headers["webhook-id"]).toBe(id);
    expect(hook!.headers["content-type"]).toBe("application/json");
    expect(verifyWebhook(secret, receiver.headersOf(hook!), hook!.body)).toEqual({ ok: true });
    expect(verifyWebhook(generateWebhookSecret(), receiver.headersOf(hook!), hook!.body)).toMatchObject({ ok: false });
    expect(JSON.parse(hook!.body)).toMatchObject({ type: "credentials.approved", data: { secretExpiresOn: "2027-01-31" } });

    const logged = await row(id);
    expect(logged).toMatchObject({ status: "delivered", attempts: 1, responseCode: 204, lastError: null });
    expect(logged.deliveredAt).toBeInstanceOf(Date);
    expect(logged.firstAttemptAt).toEqual(logged.lastAttemptAt);
    expect(logged.lastDurationMs).toBeGreaterThanOrEqual(0);
    expect(await attemptDelivery(id)).toEqual({ status: "not-due" });
    expect(receiver.received).toHaveLength(1);
  });

  it("retries a failing receiver on a growing schedule, re-signing each time, then gives up and says so", async () => {
    receiver.respondWith(503);
    const start = new Date("2026-05-01T10:00:00Z");
    const id = await event(start);
    let now = start;
    const outcomes: string[] = [];
    for (let attempt = 1; attempt <= WEBHOOK_MAX_ATTEMPTS; attempt++) {
      // Not due a second early.
      if (attempt > 1) expect(await attemptDelivery(id, new Date(now.getTime() - 1000))).toEqual({ status: "not-due" });
      const outcome = await attemptDelivery(id, now);
      outcomes.push(outcome.status);
      if (outcome.status === "retry-scheduled") {
        expect(outcome.retryInSeconds).toBe(WEBHOOK_RETRY_DELAYS_SECONDS[attempt - 1]);
        now = new Date(now.getTime() + outcome.retryInSeconds * 1000);
      }
    }
    expect(outcomes).toEqual([...Array(WEBHOOK_MAX_ATTEMPTS - 1).fill("retry-scheduled"), "failed"]);
    const logged = await row(id);
    expect(logged).toMatchObject({ status: "failed", attempts: WEBHOOK_MAX_ATTEMPTS, responseCode: 503, lastError: "HTTP 503", deliveredAt: null });
    expect(logged.firstAttemptAt).toEqual(start);
    // Every attempt carried the same id and a fresh timestamp.
    expect(new Set(receiver.received.map((h) => h.headers["webhook-id"]))).toEqual(new Set([id]));
    expect(new Set(receiver.received.map((h) => h.headers["webhook-timestamp"])).size).toBe(WEBHOOK_MAX_ATTEMPTS);
  });

  it("records why a delivery could not be made: unreachable receiver, missing secret, no URL", async () => {
    configure(`http://127.0.0.1:${await closedPort()}/unreachable`);
    const unreachable = await event();
    expect(await attemptDelivery(unreachable)).toMatchObject({ status: "retry-scheduled" });
    expect(await row(unreachable)).toMatchObject({ status: "pending", attempts: 1, responseCode: null, lastError: "ECONNREFUSED" });

    configure(receiver.url, null);
    const unsigned = await event();
    expect(await attemptDelivery(unsigned)).toMatchObject({ status: "retry-scheduled" });
    expect(await row(unsigned)).toMatchObject({ lastError: "WEBHOOK_SECRET is not set" });

    configure(null);
    const nowhere = await event();
    expect(await attemptDelivery(nowhere)).toEqual({ status: "not-configured" });
    expect(await row(nowhere)).toMatchObject({ status: "not-configured", lastError: "WEBHOOK_URL is not set" });
    expect(receiver.received).toHaveLength(0);
  });

  it("sends once when two workers pick up the same delivery", async () => {
    const id = await event();
    const outcomes = await Promise.all([attemptDelivery(id), attemptDelivery(id), attemptDelivery(id)]);
    expect(outcomes.filter((o) => o.status === "delivered")).toHaveLength(1);
    expect(receiver.received).toHaveLength(1);
  });

  it("delivers an approval through the queue and worker, and the sweeper re-queues a lost dispatch", async () => {
    const worker = await startWorker(process.env.DATABASE_URL!, handoffQueues());
    try {
      const b = await createBrokerage({ stage: "verified" });
      const { attempt } = await verifiedAttempt(b.id);
      expect(await approveAttempt(attempt.id, { staffId: "csm-1" })).toMatchObject({ approvalId: expect.any(String) });
      const [hook] = await receiver.waitFor(1);
      expect(verifyWebhook(secret, receiver.headersOf(hook!), hook!.body)).toEqual({ ok: true });
      expect(hook!.body).not.toContain(SECRET);
      expect(hook!.body).not.toMatch(/PRIVATE KEY/);
      expect(JSON.parse(hook!.body).data).toEqual({
        brokerageId: b.id,
        attemptId: attempt.id,
        tenantId: attempt.tenantId,
        clientId: attempt.clientId,
        secretExpiresOn: attempt.secretExpiresOn,
        accessScope: "organization",
        credentialMethod: "client-secret",
        provider: "microsoft",
        previousAttemptId: null,
      });

      // An event whose dispatch never happened (say the process died after commit).
      const lost = await event(new Date(Date.now() - 10 * 60_000));
      expect(await sweepWebhookDeliveries()).toBe(1);
      await receiver.waitFor(2);
      expect(receiver.received[1]!.headers["webhook-id"]).toBe(lost);
      await expect.poll(async () => (await row(lost)).status).toBe("delivered");
    } finally {
      await worker.stop({ graceful: false, wait: true });
    }
  });
});
