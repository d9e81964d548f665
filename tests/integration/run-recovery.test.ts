import { spawn, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import { desc, eq, inArray } from "drizzle-orm";
import type PgBoss from "pg-boss";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { runAction } from "@/lib/actions/action";
import { generateKeyRingEntry } from "@/lib/crypto/key-ring";
import { db } from "@/lib/db/client";
import { brokerages, checkResults, invites, outgoingMessages, submissionAttempts, verificationRuns } from "@/lib/db/schema";
import { resetEnvCache } from "@/lib/env";
import { closeLiveness } from "@/lib/jobs/liveness";
import { startWorker, stopSender } from "@/lib/jobs/queue";
import { queueDefinitions } from "@/lib/runtime/jobs";
import { submitCredentials } from "@/lib/submissions/submit";
import { sweepStuckAttempts, VERIFICATION_RUN } from "@/lib/submissions/verification-job";
import { formDataFromSubmissionInput } from "@/lib/validation/form-data";
import { APPS, MAILBOXES, TENANTS } from "@/sim/scenarios";
import { brokerageRequest, brokerageWithInvite } from "../support/brokerages";
import { installQueue } from "../support/queue";
import { startTestSimulator } from "../support/simulator";
import { createStaff } from "../support/staff";

/**
 * Faults around a run, with real processes where the fault is a process: `npm run worker`
 * stopped by SIGTERM or killed with SIGKILL mid-run, a queue that refuses the job after
 * the attempt committed, and Microsoft answering nothing until the retries run out.
 */

let simulator: Awaited<ReturnType<typeof startTestSimulator>>;
const keys = generateKeyRingEntry("rec1");
const children: ChildProcess[] = [];

beforeAll(async () => {
  simulator = await startTestSimulator({ latencyMs: 20 });
  process.env.CREDENTIALS_KEYS = keys;
  process.env.MICROSOFT_AUTHORITY_HOST = simulator.authorityHost;
  process.env.MICROSOFT_GRAPH_URL = simulator.graphUrl;
  resetEnvCache();
  await installQueue();
});

afterEach(() => {
  simulator.control.clearFaults();
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill("SIGKILL");
});

afterAll(async () => {
  await stopSender();
  await closeLiveness();
  await simulator?.stop();
});

const year = String(new Date().getUTCFullYear() + 1);

async function submit(name: string, options: { csmId?: string } = {}) {
  const { brokerage } = await brokerageWithInvite(name);
  if (options.csmId) await db().update(brokerages).set({ csmId: options.csmId }).where(eq(brokerages.id, brokerage.id));
  const form = formDataFromSubmissionInput(
    {
      tenantId: TENANTS.harbor.id,
      clientId: APPS.sync.clientId,
      clientSecret: APPS.sync.secret,
      expiry: { day: "1", month: "6", year },
      testMailbox: MAILBOXES.agent,
      sendTestMessage: true,
      submitterName: "Dana Whitfield",
      submitterEmail: "it@harbor.example",
      submitterPhone: "",
    },
    { idempotencyKey: randomUUID(), basedOn: "0" },
  );
  const [invite] = await db().select({ id: invites.id }).from(invites).where(eq(invites.brokerageId, brokerage.id));
  const outcome = await runAction(submitCredentials, form, await brokerageRequest({ brokerageId: brokerage.id, inviteId: invite!.id }));
  if (outcome.state.status !== "ok" || !outcome.state.result) throw new Error(`not accepted: ${JSON.stringify(outcome.state)}`);
  return { brokerage, attemptId: outcome.state.result.attemptId };
}

/** `npm run worker` as its own process, on this file's database and simulator. */
async function workerProcess(env: Record<string, string> = {}) {
  const child = spawn(process.execPath, ["--import", "tsx", "--import", "./scripts/runtime/server-only.mjs", "scripts/worker.ts"], {
    env: {
      ...process.env,
      DATABASE_URL: process.env.DATABASE_URL!,
      CREDENTIALS_KEYS: keys,
      MICROSOFT_AUTHORITY_HOST: simulator.authorityHost,
      MICROSOFT_GRAPH_URL: simulator.graphUrl,
      LOG_LEVEL: "warn",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.push(child);
  let output = "";
  child.stderr!.on("data", (chunk) => (output += String(chunk)));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on("data", (chunk) => {
      output += String(chunk);
      if (output.includes("Worker running")) resolve();
    });
    void exited.then((code) => reject(new Error(`worker exited with ${code} before it ran:\n${output}`)));
  });
  return { child, exited, output: () => output };
}

async function until<T>(what: string, probe: () => Promise<T | undefined | null | false>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const statusOf = async (attemptId: string) =>
  (await db().query.submissionAttempts.findFirst({ where: eq(submissionAttempts.id, attemptId) }))?.status;

const runsOf = (attemptId: string) =>
  db().select().from(verificationRuns).where(eq(verificationRuns.attemptId, attemptId)).orderBy(desc(verificationRuns.startedAt));

const runStarted = (attemptId: string) => until("the run to start", async () => (await runsOf(attemptId))[0]);

async function unfinishedCheckRows(attemptId: string) {
  const runs = await runsOf(attemptId);
  if (!runs.length) return [];
  return (
    await db()
      .select({ status: checkResults.status })
      .from(checkResults)
      .where(inArray(checkResults.runId, runs.map((r) => r.id)))
  ).filter((r) => r.status === "pending" || r.status === "running");
}

describe("stopping a worker mid-run", () => {
  it("SIGTERM lets the running job finish, then the worker exits 0", { timeout: 90_000 }, async () => {
    const worker = await workerProcess();
    // The contacts check waits on Microsoft for 3 s: the stop arrives while it runs.
    simulator.control.addFault({ route: "contacts.list", times: 1, effect: { type: "delay", ms: 3_000 } });
    const { attemptId } = await submit("Graceful Realty");
    await runStarted(attemptId);
    worker.child.kill("SIGTERM");
    expect(await worker.exited).toBe(0);
    expect(await statusOf(attemptId)).toBe("verified");
    expect(await runsOf(attemptId)).toHaveLength(1);
  });

  it("SIGTERM past the grace period hands the job back; the next worker runs it at once", { timeout: 90_000 }, async () => {
    const first = await workerProcess({ SHUTDOWN_GRACE_SECONDS: "1" });
    simulator.control.addFault({ route: "contacts.list", times: 1, effect: { type: "delay", ms: 20_000 } });
    const { attemptId } = await submit("Handback Realty");
    await runStarted(attemptId);
    const stoppedAt = Date.now();
    first.child.kill("SIGTERM");
    expect(await first.exited).toBe(0);
    expect(Date.now() - stoppedAt).toBeLessThan(10_000);
    const [job] = await db().$client`select state from pgboss.job where name = ${VERIFICATION_RUN} and singleton_key = ${attemptId}`;
    expect(job?.state).toBe("retry");

    const cameBackAt = Date.now();
    await workerProcess();
    await until("the handed-back job to verify", async () => (await statusOf(attemptId)) === "verified");
    expect(Date.now() - cameBackAt).toBeLessThan(20_000);
    const runs = await runsOf(attemptId);
    expect(runs.map((r) => r.outcome)).toEqual(["verified", "inconclusive"]);
    // The interrupted run's checks are closed, not left waiting forever.
    expect(await unfinishedCheckRows(attemptId)).toEqual([]);
  });

  it("after kill -9 the run resumes within a minute of the worker's return", { timeout: 120_000 }, async () => {
    const first = await workerProcess();
    simulator.control.addFault({ route: "contacts.list", times: 1, effect: { type: "delay", ms: 25_000 } });
    const { attemptId } = await submit("Killed Realty");
    await runStarted(attemptId);
    first.child.kill("SIGKILL");
    await first.exited;
    // Down for a while, as a crashed process is before it is restarted.
    await new Promise((r) => setTimeout(r, 11_000));
    simulator.control.clearFaults();

    const cameBackAt = Date.now();
    await workerProcess();
    await until("the resumed run to verify", async () => (await statusOf(attemptId)) === "verified", 60_000);
    expect(Date.now() - cameBackAt).toBeLessThan(60_000);
    expect(await unfinishedCheckRows(attemptId)).toEqual([]);
  });
});

describe("the sweep", () => {
  let worker: PgBoss | undefined;
  afterEach(async () => {
    await worker?.stop({ graceful: false, wait: true });
    worker = undefined;
  });

  it("queues an attempt whose job the queue refused after the commit, once", { timeout: 120_000 }, async () => {
    const sql = db().$client;
    await sql.unsafe(`
      create function refuse_verification_jobs() returns trigger language plpgsql as $$
      begin
        if new.name = '${VERIFICATION_RUN}' then raise exception 'queue unavailable'; end if;
        return new;
      end $$;
      create trigger refuse_verification_jobs before insert on pgboss.job for each row execute function refuse_verification_jobs();`);
    let attemptId: string;
    try {
      ({ attemptId } = await submit("Refused Realty"));
    } finally {
      await sql.unsafe(`drop trigger refuse_verification_jobs on pgboss.job; drop function refuse_verification_jobs();`);
    }
    expect(await statusOf(attemptId)).toBe("verifying");
    expect(await sql`select 1 from pgboss.job where singleton_key = ${attemptId}`).toHaveLength(0);

    // Twice, as two workers' sweeps might: one job.
    await until("the sweep to queue it", async () => (await sweepStuckAttempts()).queued === 1, 20_000);
    await sweepStuckAttempts();
    expect(await sql`select 1 from pgboss.job where singleton_key = ${attemptId}`).toHaveLength(1);

    worker = await startWorker(process.env.DATABASE_URL!, queueDefinitions());
    await until("the swept attempt to verify", async () => (await statusOf(attemptId)) === "verified");
  });

  it("the worker's own schedule queues a refused job within a minute", { timeout: 120_000 }, async () => {
    const sql = db().$client;
    const { attemptId } = await submit("Scheduled Sweep Realty");
    // As if the queue had refused it: the attempt committed and no job exists.
    await sql`delete from pgboss.job where singleton_key = ${attemptId}`;
    const refusedAt = Date.now();
    worker = await startWorker(process.env.DATABASE_URL!, queueDefinitions());
    await until("the schedule's sweep to verify it", async () => (await statusOf(attemptId)) === "verified", 85_000);
    // The attempt waits out the sweep's grace (10 s), then the next minute's sweep takes it.
    expect(Date.now() - refusedAt).toBeLessThan(85_000);
  });
});

describe("inconclusive after the last automatic retry", () => {
  it("tells the CSM, once", { timeout: 120_000 }, async () => {
    process.env.VERIFICATION_RETRY_MINUTES = "0";
    resetEnvCache();
    const worker = await startWorker(process.env.DATABASE_URL!, queueDefinitions());
    try {
      simulator.control.addFault({ route: "graph", effect: { type: "status", status: 503 } });
      const csm = await createStaff("csm");
      const { brokerage, attemptId } = await submit("Unanswered Realty", { csmId: csm.id });
      await until("the retry to end inconclusive", async () => {
        const runs = await runsOf(attemptId);
        return runs.length === 2 && runs.every((r) => r.outcome === "inconclusive");
      }, 90_000);
      const messages = await until("the message", async () => {
        const rows = await db().select().from(outgoingMessages).where(eq(outgoingMessages.brokerageId, brokerage.id));
        return rows.length ? rows : undefined;
      });
      expect(messages).toHaveLength(1);
      expect(messages[0]).toMatchObject({ kind: "attempt-inconclusive", toAddress: csm.email });
      expect(messages[0]!.subject).toContain("Unanswered Realty");
      expect(messages[0]!.textBody).toContain("No more retries are scheduled");
    } finally {
      delete process.env.VERIFICATION_RETRY_MINUTES;
      resetEnvCache();
      await worker.stop({ graceful: false, wait: true });
    }
  });
});
