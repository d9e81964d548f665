import { spawn } from "node:child_process";
import { and, eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { inAuditedTransaction } from "@/lib/audit/change";
import { db } from "@/lib/db/client";
import { auditEvents, brokerageAgents, outgoingMessages, readinessResults, readinessRuns } from "@/lib/db/schema";
import { UserError } from "@/lib/errors";
import { certificateDer } from "@/lib/microsoft/client-certificate";
import { readAgentList } from "@/lib/readiness/agent-list";
import { replaceAgents } from "@/lib/readiness/agents";
import { requestReadinessCheck, runReadinessCheck } from "@/lib/readiness/run";
import { readinessCounts } from "@/lib/readiness/view";
import { AGENTS_GROUP, APPS, scenario } from "@/sim/scenarios";
import { scenarioCertificates } from "@/sim/certificates";
import { simulatedTenantForFile } from "../support/simulated-tenant";
import { createAttempt, createBrokerage, recordRun } from "../support/review-fixtures";
import { approveAttempt } from "@/lib/review/approve";
import { reverifyQueues } from "@/lib/reverify/jobs";
import { REVERIFY_RUN_JOB } from "@/lib/reverify/schedule";
import { recordVerificationRun } from "@/lib/runs/record";

/**
 * The readiness check end to end: real MSAL and Graph clients over HTTPS against the
 * simulator's `$batch`, real PostgreSQL, the run as the job runs it.
 */

const tenant = simulatedTenantForFile();
beforeEach(() => tenant.sim.control.reset());

const staff = { type: "staff" as const, id: "csm-readiness" };

async function verifiedBrokerage(name: string, app: { clientId: string; secret: string } = APPS.sync, extra: Parameters<typeof createAttempt>[1] = {}) {
  const good = scenario("good").values;
  const brokerage = await createBrokerage({ name, csmId: null, stage: "verified" });
  const attempt = await createAttempt(brokerage.id, {
    status: "verified",
    tenantId: good.tenantId,
    clientId: app.clientId,
    testMailbox: good.testMailbox,
    secret: app.secret,
    ...extra,
  });
  return { brokerage, attempt };
}

async function storeAgents(brokerageId: string, text: string) {
  const list = readAgentList(text);
  expect(list.problems).toEqual([]);
  return inAuditedTransaction(staff, null, (change) => replaceAgents(change, brokerageId, list));
}

const results = async (runId: string) =>
  Object.fromEntries(
    (
      await db()
        .select({ address: brokerageAgents.address, status: readinessResults.status, reason: readinessResults.reason })
        .from(readinessResults)
        .innerJoin(brokerageAgents, eq(brokerageAgents.id, readinessResults.agentId))
        .where(eq(readinessResults.runId, runId))
    ).map((r) => [r.address, `${r.status}${r.reason ? ` ${r.reason}` : ""}`]),
  );

const probedMailboxes = () =>
  tenant.sim.control
    .requests()
    .filter((r) => r.inBatch)
    .map((r) => r.mailbox!);

describe("agent mailbox readiness against Microsoft (the simulator)", () => {
  it("tells ready, not found, not enabled and throttled-then-ok mailboxes apart, through $batch", async () => {
    const { brokerage } = await verifiedBrokerage("Readiness Mix Realty");
    const seeded = tenant.sim.control.seedAgents({ count: 60, mix: { "not-found": 0.1, unlicensed: 0.1, "on-premises": 0.1, "throttled-once": 0.1 } });
    await storeAgents(brokerage.id, ["email", ...seeded.map((a) => a.address)].join("\n"));
    const runId = await requestReadinessCheck(brokerage.id, { scope: "all", trigger: "recheck", actor: staff, triggeredBy: staff.id }, { enqueueJob: false });
    expect(await runReadinessCheck(runId)).toBe("finished");

    const got = await results(runId);
    const expected: Record<string, string> = {
      ready: "ready",
      "throttled-once": "ready",
      "not-found": "not-ready mailbox-not-found",
      unlicensed: "not-ready mailbox-not-enabled",
      "on-premises": "not-ready mailbox-not-enabled",
      "outside-scope": "ready",
    };
    for (const agent of seeded) expect(got[agent.address], agent.address).toBe(expected[agent.kind]);
    const [run] = await db().select().from(readinessRuns).where(eq(readinessRuns.id, runId));
    expect(run).toMatchObject({ status: "finished", total: 60, checked: 60, ready: 42 });

    // 10 mailboxes and 20 requests a batch; the throttled ones asked again, nothing written.
    const log = tenant.sim.control.requests();
    const batches = log.filter((r) => r.route === "graph.batch");
    expect(batches.length).toBeGreaterThanOrEqual(6);
    expect(batches.length).toBeLessThanOrEqual(8);
    expect(log.filter((r) => r.inBatch && r.method !== "GET")).toEqual([]);
    for (const agent of seeded.filter((a) => a.kind !== "not-found")) {
      expect(tenant.sim.control.maxConcurrentRequests(agent.address)).toBeLessThanOrEqual(4);
      expect(tenant.sim.control.mailbox(agent.address).created).toEqual([]);
    }
    const counts = await readinessCounts(brokerage.id);
    expect(counts).toMatchObject({ total: 60, ready: 42, notReady: 18, byReason: { "mailbox-not-found": 6, "mailbox-not-enabled": 12 } });
    const [opened] = await db().select().from(auditEvents).where(and(eq(auditEvents.brokerageId, brokerage.id), eq(auditEvents.action, "secret.decrypted")));
    expect(opened?.detail).toMatchObject({ readinessRunId: runId });
  });

  it("with Exchange RBAC for Applications, a mailbox outside the scope is not ready: outside the app's scope", async () => {
    const { brokerage } = await verifiedBrokerage("Readiness Scope Realty", APPS.rbac, { accessScope: "exchange-rbac" });
    const seeded = tenant.sim.control.seedAgents({ count: 20, mix: { "outside-scope": 0.25 } });
    await storeAgents(brokerage.id, seeded.map((a) => a.address).join(", "));
    const runId = await requestReadinessCheck(brokerage.id, { scope: "all", trigger: "recheck", actor: staff, triggeredBy: staff.id }, { enqueueJob: false });
    expect(await runReadinessCheck(runId)).toBe("finished");
    const got = await results(runId);
    for (const agent of seeded) expect(got[agent.address], agent.address).toBe(agent.kind === "outside-scope" ? "not-ready access-policy-denied" : "ready");
    expect(tenant.sim.control.exchange().groups.find((g) => g.address === AGENTS_GROUP.address)).toBeTruthy();
  });

  it("signs in with a certificate through the per-method opener", async () => {
    const certificate = scenarioCertificates().uploaded;
    const { brokerage } = await verifiedBrokerage("Readiness Certificate Realty", { clientId: APPS.certificate.clientId, secret: certificate.privateKeyPem }, {
      credentialMethod: "certificate",
      certificateDer: certificateDer(certificate.certificatePem),
      certificateThumbprint: certificate.thumbprintSha256,
    });
    const seeded = tenant.sim.control.seedAgents({ count: 5, prefix: "cert" });
    await storeAgents(brokerage.id, seeded.map((a) => a.address).join("\n"));
    const runId = await requestReadinessCheck(brokerage.id, { scope: "all", trigger: "recheck", actor: staff, triggeredBy: staff.id }, { enqueueJob: false });
    expect(await runReadinessCheck(runId)).toBe("finished");
    expect(Object.values(await results(runId))).toEqual(["ready", "ready", "ready", "ready", "ready"]);
  });

  it("a credential Microsoft no longer accepts fails the run with its reason and checks no mailbox", async () => {
    const { brokerage } = await verifiedBrokerage("Readiness Revoked Realty");
    const seeded = tenant.sim.control.seedAgents({ count: 3, prefix: "revoked" });
    await storeAgents(brokerage.id, seeded.map((a) => a.address).join("\n"));
    tenant.sim.control.revokeSecret(APPS.sync.clientId, APPS.sync.secretId);
    const runId = await requestReadinessCheck(brokerage.id, { scope: "all", trigger: "recheck", actor: staff, triggeredBy: staff.id }, { enqueueJob: false });
    expect(await runReadinessCheck(runId)).toBe("failed");
    const [run] = await db().select().from(readinessRuns).where(eq(readinessRuns.id, runId));
    expect(run).toMatchObject({ status: "failed", reason: "secret-invalid", checked: 0 });
    expect(probedMailboxes()).toEqual([]);
  });

  it("a worker killed mid-run resumes without checking finished mailboxes again", async () => {
    const { brokerage } = await verifiedBrokerage("Readiness Resume Realty");
    const seeded = tenant.sim.control.seedAgents({ count: 400, prefix: "resume" });
    await storeAgents(brokerage.id, seeded.map((a) => a.address).join("\n"));
    const runId = await requestReadinessCheck(brokerage.id, { scope: "all", trigger: "recheck", actor: staff, triggeredBy: staff.id }, { enqueueJob: false });
    // Slow answers, so the other process is killed part-way.
    tenant.sim.control.setLatency(150);

    const child = spawn(process.execPath, ["--import", "tsx", "tests/support/readiness-worker.ts", runId], {
      env: { ...process.env, READINESS_LANES: "2" },
      stdio: ["ignore", "ignore", "pipe"],
    });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
    for (let i = 0; i < 300; i++) {
      const [run] = await db().select({ checked: readinessRuns.checked }).from(readinessRuns).where(eq(readinessRuns.id, runId));
      if ((run?.checked ?? 0) >= 60) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    child.kill("SIGKILL");
    await exited;
    const before = await results(runId);
    expect(Object.keys(before).length, stderr).toBeGreaterThanOrEqual(60);
    expect(Object.keys(before).length).toBeLessThan(400);

    tenant.sim.control.setLatency(0);
    tenant.sim.control.clearRequests();
    expect(await runReadinessCheck(runId)).toBe("finished");
    const after = await results(runId);
    expect(Object.keys(after)).toHaveLength(400);
    const askedAgain = probedMailboxes().filter((m) => before[m]);
    expect(askedAgain).toEqual([]);
    const [run] = await db().select().from(readinessRuns).where(eq(readinessRuns.id, runId));
    expect(run).toMatchObject({ status: "finished", checked: 400, ready: 400 });
  });

  it("reports each bad line and writes nothing when a list has any", async () => {
    const { brokerage } = await verifiedBrokerage("Readiness Input Realty");
    await storeAgents(brokerage.id, "a@harbor.example\nb@harbor.example");
    const list = readAgentList("email\nc@harbor.example\nnot-an-address\nd@harbor..example\nC@Harbor.example\n");
    expect(list.problems).toEqual([
      { line: 3, value: "not-an-address", message: "This is not an email address: it has no @." },
      { line: 4, value: "d@harbor..example", message: "This is not an email address in the correct format, like name@example.com." },
    ]);
    expect(list).toMatchObject({ addresses: ["c@harbor.example"], duplicates: 1 });
    await expect(inAuditedTransaction(staff, null, (change) => replaceAgents(change, brokerage.id, list))).rejects.toThrow();
    const stored = await db().select({ address: brokerageAgents.address }).from(brokerageAgents).where(eq(brokerageAgents.brokerageId, brokerage.id));
    expect(stored.map((s) => s.address).sort()).toEqual(["a@harbor.example", "b@harbor.example"]);
    expect(() => readAgentList(" \n ")).toThrow(UserError);
    // The same list twice changes nothing the second time.
    const again = await storeAgents(brokerage.id, "a@harbor.example\nb@harbor.example");
    expect(again).toMatchObject({ added: 0, removed: 0, total: 2 });
  });

  it("the scheduled re-verification of approved credentials queues a check of the brokerage's agents", async () => {
    const { brokerage, attempt } = await verifiedBrokerage("Readiness Reverify Realty");
    await recordRun(attempt.id, { outcome: "verified" });
    await approveAttempt(attempt.id, { staffId: "csm-readiness" });
    const seeded = tenant.sim.control.seedAgents({ count: 2, prefix: "reverify" });
    await storeAgents(brokerage.id, seeded.map((a) => a.address).join("\n"));
    const job = reverifyQueues(recordVerificationRun).find((q) => q.name === REVERIFY_RUN_JOB)!;
    await (job.handler as (data: { attemptId: string }) => Promise<void>)({ attemptId: attempt.id });
    const runs = await db().select().from(readinessRuns).where(eq(readinessRuns.brokerageId, brokerage.id));
    expect(runs).toMatchObject([{ trigger: "scheduled", scope: "all", total: 2, status: "queued" }]);
  });

  it("a scheduled re-check that finds a ready mailbox gone alerts the CSM", async () => {
    const { brokerage } = await verifiedBrokerage("Readiness Regression Realty");
    const seeded = tenant.sim.control.seedAgents({ count: 3, prefix: "regress" });
    await storeAgents(brokerage.id, seeded.map((a) => a.address).join("\n"));
    const first = await requestReadinessCheck(brokerage.id, { scope: "all", trigger: "scheduled", actor: { type: "system" }, triggeredBy: null }, { enqueueJob: false });
    await runReadinessCheck(first);
    tenant.sim.control.updateMailbox(seeded[1]!.address, { state: "unlicensed" });
    const second = await requestReadinessCheck(brokerage.id, { scope: "all", trigger: "scheduled", actor: { type: "system" }, triggeredBy: null }, { enqueueJob: false });
    await runReadinessCheck(second);
    const [alert] = await db().select().from(outgoingMessages).where(and(eq(outgoingMessages.brokerageId, brokerage.id), eq(outgoingMessages.kind, "readiness-regressed")));
    expect(alert?.subject).toBe("Readiness Regression Realty: 1 agent mailbox is no longer ready");
    expect(alert?.textBody).toContain(`${seeded[1]!.address} (mailbox-not-enabled)`);
  });
});
