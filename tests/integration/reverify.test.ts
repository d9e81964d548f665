import { and, desc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { auditEvents, brokerages, credentialApprovals, outgoingMessages, verificationRuns } from "@/lib/db/schema";
import { startWorker, stopSender } from "@/lib/jobs/queue";
import { approveAttempt } from "@/lib/review/approve";
import { listQueue } from "@/lib/review/queues";
import { requestRerun, rerunQueue } from "@/lib/review/rerun";
import { revokeCredentials } from "@/lib/review/revoke";
import { reverifyQueues } from "@/lib/reverify/jobs";
import { listCredentialsToReverify, reverifyAttempt, scheduleReverification } from "@/lib/reverify/schedule";
import type { Outcome } from "@/lib/verification/types";
import { installQueue } from "../support/queue";
import { createStaff } from "../support/staff";
import { attemptRow, createAttempt, createBrokerage, recordRun, scriptedRunner, useTestKeyRing, verifiedAttempt } from "../support/review-fixtures";

let csm: Awaited<ReturnType<typeof createStaff>>;

beforeAll(async () => {
  useTestKeyRing();
  await installQueue();
  csm = await createStaff("csm", { email: "riley.csm@vendor.example" });
});
afterAll(stopSender);

/** What each attempt's next run will find, as the simulator would after a change in the tenant. */
const tenantState = new Map<string, { outcome: Outcome; failing?: string[] }>();
const runner = scriptedRunner((attemptId) => tenantState.get(attemptId) ?? { outcome: "verified" });

async function approved(name: string, values: Parameters<typeof verifiedAttempt>[1] = {}) {
  const b = await createBrokerage({ name, csmId: csm.id, stage: "verified" });
  const { attempt } = await verifiedAttempt(b.id, values);
  expect(await approveAttempt(attempt.id, { staffId: "csm-9" })).toMatchObject({ approvalId: expect.any(String) });
  return { brokerage: b, attempt };
}

const csmAlerts = (brokerageId: string) =>
  db()
    .select({ kind: outgoingMessages.kind, to: outgoingMessages.toAddress, subject: outgoingMessages.subject, text: outgoingMessages.textBody })
    .from(outgoingMessages)
    .where(and(eq(outgoingMessages.brokerageId, brokerageId)))
    .orderBy(outgoingMessages.createdAt);

describe("scheduled re-verification", () => {
  it("re-checks active credentials quietly, records the run as scheduled and changes nothing while they pass", async () => {
    const { attempt, brokerage } = await approved("Quiet Realty", { sendTestMessage: true });
    runner.calls.length = 0;
    expect(await reverifyAttempt(attempt.id, runner.run)).toBe("unchanged");
    expect(runner.calls).toEqual([{ attemptId: attempt.id, trigger: "scheduled", triggeredBy: null, sendTestMessage: false }]);
    const [run] = await db().select().from(verificationRuns).where(eq(verificationRuns.attemptId, attempt.id)).orderBy(desc(verificationRuns.startedAt)).limit(1);
    expect(run).toMatchObject({ trigger: "scheduled", outcome: "verified" });
    expect((await attemptRow(attempt.id)).status).toBe("approved");
    expect(await csmAlerts(brokerage.id)).toEqual([]);
  });

  it("alerts the CSM once when credentials that passed start failing, lists them as failing, and tells of the recovery", async () => {
    const { attempt, brokerage } = await approved("Regression Realty");
    // The administrator removed admin consent in the tenant.
    tenantState.set(attempt.id, { outcome: "failed", failing: ["permissions"] });
    expect(await reverifyAttempt(attempt.id, runner.run)).toBe("regressed");
    expect(await reverifyAttempt(attempt.id, runner.run)).toBe("unchanged");

    const alerts = await csmAlerts(brokerage.id);
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({ kind: "credentials-regressed", to: "riley.csm@vendor.example", subject: "Approved credentials stopped working: Regression Realty" });
    expect(alerts[0]!.text).toContain("- Admin consent has not been granted: The app signed in but holds no application permissions.");
    expect(alerts[0]!.text).toContain(`/staff/submissions/${attempt.id}`);
    const failing = await listQueue("failing", { search: "regression realty" });
    expect(failing.rows.map((r) => [r.attemptId, r.regressed, r.problems])).toEqual([[attempt.id, true, ["consent-missing"]]]);
    // Still the active credentials: only a CSM revokes them.
    expect((await attemptRow(attempt.id)).status).toBe("approved");
    const [audit] = await db().select().from(auditEvents).where(and(eq(auditEvents.brokerageId, brokerage.id), eq(auditEvents.action, "credentials.regressed")));
    expect(audit?.detail).toMatchObject({ reasons: ["consent-missing"], trigger: "scheduled" });

    tenantState.set(attempt.id, { outcome: "verified" });
    expect(await reverifyAttempt(attempt.id, runner.run)).toBe("recovered");
    expect((await csmAlerts(brokerage.id)).map((m) => m.kind)).toEqual(["credentials-regressed", "credentials-recovered"]);
    expect((await listQueue("failing", { search: "regression realty" })).rows).toEqual([]);
  });

  it("does not call an outage a regression", async () => {
    const { attempt, brokerage } = await approved("Outage Realty");
    tenantState.set(attempt.id, { outcome: "inconclusive" });
    expect(await reverifyAttempt(attempt.id, runner.run)).toBe("unchanged");
    expect(await csmAlerts(brokerage.id)).toEqual([]);
  });

  it("skips revoked and expired credentials, and runs the rest through the queue on schedule", async () => {
    const live = await approved("Scheduled Live Realty");
    const revoked = await approved("Scheduled Revoked Realty");
    await revokeCredentials(revoked.brokerage.id, { reason: "offboarded" }, { staffId: "csm-9" });
    const expired = await approved("Scheduled Expired Realty", { secretExpiresOn: "2020-01-01" });
    const due = (await listCredentialsToReverify()).map((c) => c.attemptId);
    expect(due).toContain(live.attempt.id);
    expect(due).not.toContain(revoked.attempt.id);
    expect(due).not.toContain(expired.attempt.id);

    tenantState.set(live.attempt.id, { outcome: "failed", failing: ["calendar.read"] });
    runner.calls.length = 0;
    const worker = await startWorker(process.env.DATABASE_URL!, reverifyQueues(runner.run));
    try {
      expect(await scheduleReverification()).toBe(due.length);
      await expect
        .poll(async () => (await db().query.credentialApprovals.findFirst({ where: eq(credentialApprovals.attemptId, live.attempt.id) }))?.regressedAt, { timeout: 20_000 })
        .toBeInstanceOf(Date);
      expect(runner.calls.filter((c) => c.attemptId === live.attempt.id)).toEqual([
        { attemptId: live.attempt.id, trigger: "scheduled", triggeredBy: null, sendTestMessage: false },
      ]);
      expect(runner.calls.map((c) => c.attemptId)).not.toContain(revoked.attempt.id);
    } finally {
      await worker.stop({ graceful: false, wait: true });
    }
  });
});

describe("a CSM's re-run", () => {
  it("runs on the stored secret, audited, and a pass moves a failed attempt to verified", async () => {
    const b = await createBrokerage({ name: "Rerun Realty", stage: "failed" });
    const attempt = await createAttempt(b.id, { status: "failed" });
    await recordRun(attempt.id, { outcome: "failed", failing: ["calendar.read"] });
    tenantState.set(attempt.id, { outcome: "verified" });
    runner.calls.length = 0;
    const worker = await startWorker(process.env.DATABASE_URL!, [...reverifyQueues(runner.run), rerunQueue(runner.run)]);
    try {
      await expect(requestRerun(attempt.id, { staffId: "csm-9", origin: { ip: "203.0.113.5" } })).resolves.toBeUndefined();
      await expect.poll(async () => (await attemptRow(attempt.id)).status, { timeout: 20_000 }).toBe("verified");
    } finally {
      await worker.stop({ graceful: false, wait: true });
    }
    expect(runner.calls).toEqual([{ attemptId: attempt.id, trigger: "recheck", triggeredBy: "csm-9", sendTestMessage: true }]);
    expect((await db().query.brokerages.findFirst({ where: eq(brokerages.id, b.id) }))?.stage).toBe("verified");
    const [audit] = await db().select().from(auditEvents).where(and(eq(auditEvents.brokerageId, b.id), eq(auditEvents.action, "attempt.rerun-requested")));
    expect(audit).toMatchObject({ actorId: "csm-9", ip: "203.0.113.5" });
    expect((await listQueue("needs-review", { search: "rerun realty" })).rows.map((r) => r.attemptId)).toEqual([attempt.id]);
  });
});
