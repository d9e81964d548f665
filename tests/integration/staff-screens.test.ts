import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { inAuditedTransaction } from "@/lib/audit/change";
import { setStaffDisabled } from "@/lib/auth/staff-accounts";
import { db } from "@/lib/db/client";
import { auditEvents, checkResults, invites, outgoingMessages, verificationRuns, webhookDeliveries } from "@/lib/db/schema";
import { alertAddress } from "@/lib/email/staff-contact";
import { resetEnvCache } from "@/lib/env";
import { remindNow } from "@/lib/expiry/reminders";
import { attemptDelivery } from "@/lib/handoff/deliver";
import { recordHandoffEvent } from "@/lib/handoff/events";
import { redeliverWebhook, sendTestWebhook } from "@/lib/handoff/redeliver";
import { generateWebhookSecret, verifyWebhook } from "@/lib/handoff/signing";
import { stopSender } from "@/lib/jobs/queue";
import { approveAttempt } from "@/lib/review/approve";
import { listQueue } from "@/lib/review/queues";
import { reverifyAttempt } from "@/lib/reverify/schedule";
import { installQueue } from "../support/queue";
import { createBrokerage, scriptedRunner, useTestKeyRing, verifiedAttempt } from "../support/review-fixtures";
import { createStaff } from "../support/staff";
import { startWebhookReceiver } from "../support/webhook-receiver";

const secret = generateWebhookSecret();
let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;

function configure(values: Record<string, string | null>) {
  for (const [name, value] of Object.entries(values)) {
    if (value === null) delete process.env[name];
    else process.env[name] = value;
  }
  resetEnvCache();
}

beforeAll(async () => {
  useTestKeyRing();
  await installQueue();
  receiver = await startWebhookReceiver();
});
afterAll(async () => {
  configure({ TEAM_ALERTS_EMAIL: null, WEBHOOK_URL: null, WEBHOOK_SECRET: null });
  await stopSender();
  await receiver.close();
});
beforeEach(() => {
  receiver.respondWith(204);
  receiver.received.length = 0;
});

describe("alerts about a brokerage without a CSM", () => {
  it("go to the CSM when there is one, else the team address, else every active staff administrator", async () => {
    const csm = await createStaff("csm", { email: "alert-csm@vendor.example" });
    configure({ TEAM_ALERTS_EMAIL: "csm-team@vendor.example" });
    expect(await alertAddress(db(), csm.id)).toBe("alert-csm@vendor.example");
    expect(await alertAddress(db(), null)).toBe("csm-team@vendor.example");
    // A disabled CSM is as good as none.
    await inAuditedTransaction({ type: "system" }, null, (change) => setStaffDisabled(change, csm.id, true));
    expect(await alertAddress(db(), csm.id)).toBe("csm-team@vendor.example");

    configure({ TEAM_ALERTS_EMAIL: null });
    const admin = await createStaff("admin", { email: "alert-admin@vendor.example" });
    const addresses = (await alertAddress(db(), null))!.split(", ");
    expect(addresses).toContain(admin.email);
    expect(addresses).not.toContain(csm.email);
  });

  it("reach the team address when approved credentials of an unassigned brokerage stop working", async () => {
    configure({ TEAM_ALERTS_EMAIL: "csm-team@vendor.example" });
    const b = await createBrokerage({ name: "Unassigned Alerts Realty", csmId: null, stage: "verified" });
    const { attempt } = await verifiedAttempt(b.id);
    await approveAttempt(attempt.id, { staffId: "csm-1" });
    const runner = scriptedRunner(() => ({ outcome: "failed", failing: ["permissions"] }));
    expect(await reverifyAttempt(attempt.id, runner.run)).toBe("regressed");
    const [alert] = await db()
      .select({ to: outgoingMessages.toAddress, subject: outgoingMessages.subject })
      .from(outgoingMessages)
      .where(and(eq(outgoingMessages.brokerageId, b.id), eq(outgoingMessages.kind, "credentials-regressed")));
    expect(alert).toEqual({ to: "csm-team@vendor.example", subject: "Approved credentials stopped working: Unassigned Alerts Realty" });
  });
});

describe("the review queue", () => {
  it("lists warnings beside failures instead of 'None'", async () => {
    const b = await createBrokerage({ name: "Queue Warned Homes", stage: "verified" });
    const { attempt } = await verifiedAttempt(b.id);
    await db()
      .update(checkResults)
      .set({ status: "warn", reason: "permission-excess" })
      .where(and(eq(checkResults.checkId, "permissions"), eq(checkResults.runId, (await latestRunId(attempt.id))!)));
    const [row] = (await listQueue("needs-review", { search: "queue warned" })).rows;
    expect(row).toMatchObject({ attemptId: attempt.id, problems: [], warnings: ["permission-excess"] });
  });
});

async function latestRunId(attemptId: string) {
  const [run] = await db().select({ id: verificationRuns.id }).from(verificationRuns).where(eq(verificationRuns.attemptId, attemptId));
  return run?.id;
}

describe("remind now", () => {
  it("emails the administrator a new link at once, revokes the old one and audits who asked", async () => {
    const csm = await createStaff("csm");
    const b = await createBrokerage({ name: "Remind Now Realty", csmId: csm.id, stage: "verified" });
    const soon = new Date(Date.now() + 20 * 86_400_000).toISOString().slice(0, 10);
    const { attempt } = await verifiedAttempt(b.id, { secretExpiresOn: soon, submitterEmail: "ivy@remind.example", submitterName: "Ivy Tran" });
    await approveAttempt(attempt.id, { staffId: csm.id });

    const first = await remindNow(attempt.id, { staffId: csm.id });
    const second = await remindNow(attempt.id, { staffId: csm.id });
    expect(first.to).toBe("ivy@remind.example");
    const sent = await db().select().from(outgoingMessages).where(and(eq(outgoingMessages.brokerageId, b.id), eq(outgoingMessages.kind, "secret-expiry-reminder")));
    expect(sent.map((m) => m.id).sort()).toEqual([first.messageId, second.messageId].sort());
    expect(sent[0]!.textBody).toMatch(/\/invite\//);
    // One live link: the first reminder's link was revoked by the second.
    const links = await db().select().from(invites).where(eq(invites.brokerageId, b.id));
    expect(links.filter((l) => l.recipientEmail === "ivy@remind.example" && !l.revokedAt)).toHaveLength(1);
    const audited = await db().select().from(auditEvents).where(and(eq(auditEvents.brokerageId, b.id), eq(auditEvents.action, "credentials.expiry-reminder-sent")));
    expect(audited).toHaveLength(2);
    expect(audited[0]).toMatchObject({ actorType: "staff", actorId: csm.id, detail: expect.objectContaining({ manual: true }) });
  });

  it("refuses credentials that are not active, changing nothing", async () => {
    const b = await createBrokerage({ name: "Remind Nothing Realty" });
    const { attempt } = await verifiedAttempt(b.id);
    await expect(remindNow(attempt.id, { staffId: "csm-9" })).rejects.toThrow(/no longer active/);
    expect(await db().$count(outgoingMessages, eq(outgoingMessages.brokerageId, b.id))).toBe(0);
  });
});

describe("webhook deliveries sent again, and test events", () => {
  it("sends an event recorded while no URL was set, with its id and body, once the URL is set", async () => {
    configure({ WEBHOOK_URL: null, WEBHOOK_SECRET: secret });
    const b = await createBrokerage();
    const id = await recordHandoffEvent(db(), {
      type: "credentials.approved",
      at: new Date(),
      data: { brokerageId: b.id, attemptId: "4c1f7a0e-0000-4000-8000-000000000002", tenantId: "t", clientId: "c", secretExpiresOn: "2027-01-31", credentialMethod: "client-secret" },
    });
    expect(await attemptDelivery(id)).toEqual({ status: "not-configured" });
    const staff = await createStaff("admin");
    await expect(redeliverWebhook(id, { staffId: staff.id })).rejects.toThrow(/WEBHOOK_URL is not set/);

    configure({ WEBHOOK_URL: receiver.url, WEBHOOK_SECRET: secret });
    await redeliverWebhook(id, { staffId: staff.id });
    expect(await attemptDelivery(id)).toEqual({ status: "delivered" });
    const [hook] = receiver.received;
    expect(receiver.headersOf(hook!).get("webhook-id")).toBe(id);
    expect(verifyWebhook(secret, receiver.headersOf(hook!), hook!.body)).toEqual({ ok: true });
    // Delivered now: a second press is refused.
    await expect(redeliverWebhook(id, { staffId: staff.id })).rejects.toThrow(/already delivered/);
    expect(await db().$count(auditEvents, and(eq(auditEvents.subjectId, id), eq(auditEvents.action, "webhook.redelivered")))).toBe(1);
  });

  it("records and signs a test event with no brokerage in it", async () => {
    configure({ WEBHOOK_URL: receiver.url, WEBHOOK_SECRET: secret });
    const staff = await createStaff("admin");
    const id = await sendTestWebhook({ staffId: staff.id });
    expect(await attemptDelivery(id)).toEqual({ status: "delivered" });
    const [hook] = receiver.received;
    expect(JSON.parse(hook!.body)).toMatchObject({ type: "webhook.test", data: {} });
    const [row] = await db().select().from(webhookDeliveries).where(eq(webhookDeliveries.id, id));
    expect(row).toMatchObject({ eventType: "webhook.test", brokerageId: null, status: "delivered" });
  });
});
