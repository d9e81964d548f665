import { and, desc, eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { auditEvents, checkResults, outgoingMessages, verificationRuns } from "@/lib/db/schema";
import { approveAttempt } from "@/lib/review/approve";
import { listQueue } from "@/lib/review/queues";
import { rerunAttempt } from "@/lib/review/rerun";
import { reverifyAttempt } from "@/lib/reverify/schedule";
import { recordVerificationRun } from "@/lib/runs/record";
import { APPS, MAILBOXES, scenario } from "@/sim/scenarios";
import { simulatedTenantForFile } from "../support/simulated-tenant";
import { attemptRow, createAttempt, createBrokerage, recordRun } from "../support/review-fixtures";

/**
 * Re-verification and re-runs through the real verification runner, MSAL and Graph
 * clients against the simulator: the tenant changes (a secret revoked, consent
 * removed, a mailbox gone) and the portal notices.
 */

const tenant = simulatedTenantForFile();
beforeEach(() => tenant.sim.control.reset());

const good = scenario("good").values;

/** Approved credentials of the simulator's good tenant, as a CSM leaves them. */
async function approvedGoodCredentials(name: string) {
  const b = await createBrokerage({ name, csmId: "csm-4", stage: "verified" });
  const attempt = await createAttempt(b.id, {
    status: "verified",
    tenantId: good.tenantId,
    clientId: good.clientId,
    testMailbox: good.testMailbox,
    secretExpiresOn: good.secretExpiresOn,
    secret: good.clientSecret,
  });
  await recordRun(attempt.id, { outcome: "verified" });
  expect(await approveAttempt(attempt.id, { staffId: "csm-4" })).toMatchObject({ approvalId: expect.any(String) });
  return { brokerage: b, attempt };
}

const latestRun = async (attemptId: string) =>
  (await db().select().from(verificationRuns).where(eq(verificationRuns.attemptId, attemptId)).orderBy(desc(verificationRuns.startedAt)).limit(1))[0]!;

describe("re-verification against Microsoft (the simulator)", () => {
  it("passes quietly while the tenant is unchanged: every check recorded, no test message sent", async () => {
    const { attempt } = await approvedGoodCredentials("Sim Quiet Realty");
    tenant.sim.control.clearRequests();
    expect(await reverifyAttempt(attempt.id, recordVerificationRun)).toBe("unchanged");
    const run = await latestRun(attempt.id);
    expect(run).toMatchObject({ trigger: "scheduled", outcome: "verified" });
    const checks = await db().select().from(checkResults).where(eq(checkResults.runId, run.id));
    expect(checks.find((c) => c.checkId === "mail.send")?.status).toBe("skipped");
    expect(checks.filter((c) => c.status === "pass").length).toBeGreaterThanOrEqual(8);
    expect(tenant.sim.control.mailbox(MAILBOXES.agent).sentMessages).toEqual([]);
    const [decrypted] = await db().select().from(auditEvents).where(and(eq(auditEvents.subjectId, attempt.id), eq(auditEvents.action, "secret.decrypted")));
    expect(decrypted).toMatchObject({ actorType: "system", actorId: "scheduled" });
  });

  it("alerts the CSM when the administrator deletes the secret in Entra", async () => {
    const { attempt, brokerage } = await approvedGoodCredentials("Sim Revoked Secret Realty");
    tenant.sim.control.revokeSecret(APPS.sync.clientId, APPS.sync.secretId);
    expect(await reverifyAttempt(attempt.id, recordVerificationRun)).toBe("regressed");
    const [alert] = await db().select().from(outgoingMessages).where(and(eq(outgoingMessages.brokerageId, brokerage.id), eq(outgoingMessages.kind, "credentials-regressed")));
    expect(alert?.subject).toBe("Approved credentials stopped working: Sim Revoked Secret Realty");
    const [row] = (await listQueue("failing", { search: "sim revoked secret" })).rows;
    expect(row).toMatchObject({ attemptId: attempt.id, regressed: true });
    expect(row!.problems.some((p) => p.startsWith("secret-"))).toBe(true);
  });

  it("alerts when consent is removed, and the mailbox check when the mailbox goes", async () => {
    const consent = await approvedGoodCredentials("Sim Consent Realty");
    tenant.sim.control.updateApp(APPS.sync.clientId, { roles: [] });
    expect(await reverifyAttempt(consent.attempt.id, recordVerificationRun)).toBe("regressed");
    expect((await listQueue("failing", { search: "sim consent" })).rows[0]?.problems).toEqual(["consent-missing"]);

    tenant.sim.control.reset();
    const mailbox = await approvedGoodCredentials("Sim Mailbox Realty");
    tenant.sim.control.updateMailbox(MAILBOXES.agent, { state: "soft-deleted" });
    expect(await reverifyAttempt(mailbox.attempt.id, recordVerificationRun)).toBe("regressed");
    expect((await listQueue("failing", { search: "sim mailbox" })).rows[0]?.problems).toEqual(["mailbox-not-enabled"]);
  });
});

describe("a CSM's re-run after the administrator fixed the tenant", () => {
  it("moves a failed attempt to verified, ready for approval", async () => {
    const values = scenario("consent-missing").values;
    const b = await createBrokerage({ name: "Sim Rerun Realty", stage: "failed" });
    const attempt = await createAttempt(b.id, { status: "failed", tenantId: values.tenantId, clientId: values.clientId, testMailbox: values.testMailbox, secretExpiresOn: values.secretExpiresOn, secret: values.clientSecret, sendTestMessage: false });
    expect(await rerunAttempt(attempt.id, "csm-4", recordVerificationRun)).toBe("unchanged");
    expect((await latestRun(attempt.id)).outcome).toBe("failed");

    tenant.sim.control.fixScenario("consent-missing");
    expect(await rerunAttempt(attempt.id, "csm-4", recordVerificationRun)).toBe("status-updated");
    expect(await latestRun(attempt.id)).toMatchObject({ outcome: "verified", trigger: "recheck", triggeredBy: "csm-4" });
    expect((await attemptRow(attempt.id)).status).toBe("verified");
    expect(await approveAttempt(attempt.id, { staffId: "csm-4" })).toMatchObject({ approvalId: expect.any(String) });
  });
});
