import { spawn, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { runAction } from "@/lib/actions/action";
import { generateKeyRingEntry } from "@/lib/crypto/key-ring";
import { db } from "@/lib/db/client";
import { auditEvents, invites, verificationTestItems } from "@/lib/db/schema";
import { resetEnvCache } from "@/lib/env";
import { closeLiveness } from "@/lib/jobs/liveness";
import { stopSender } from "@/lib/jobs/queue";
import { runRecordedVerification } from "@/lib/runs/recorded-run";
import { submitCredentials } from "@/lib/submissions/submit";
import { sweepTestItems } from "@/lib/submissions/verification-job";
import { formDataFromSubmissionInput } from "@/lib/validation/form-data";
import { APPS, MAILBOXES, TENANTS } from "@/sim/scenarios";
import { brokerageRequest, brokerageWithInvite } from "../support/brokerages";
import { installQueue } from "../support/queue";
import { startTestSimulator } from "../support/simulator";

/**
 * A worker killed (kill -9) between a test item's create and its delete: the item's
 * record outlives the process, and the brokerage's next run or the sweep deletes the
 * item, so the customer's mailbox keeps nothing named "… connection test".
 */

let simulator: Awaited<ReturnType<typeof startTestSimulator>>;
const keys = generateKeyRingEntry("left1");
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

async function submit(name: string, testMailbox: string = MAILBOXES.agent) {
  const { brokerage } = await brokerageWithInvite(name);
  const form = formDataFromSubmissionInput(
    {
      tenantId: TENANTS.harbor.id,
      clientId: APPS.sync.clientId,
      clientSecret: APPS.sync.secret,
      expiry: { day: "1", month: "6", year },
      testMailbox,
      sendTestMessage: false,
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

async function workerProcess() {
  const child = spawn(process.execPath, ["--import", "tsx", "--import", "./scripts/runtime/server-only.mjs", "scripts/worker.ts"], {
    env: {
      ...process.env,
      DATABASE_URL: process.env.DATABASE_URL!,
      CREDENTIALS_KEYS: keys,
      MICROSOFT_AUTHORITY_HOST: simulator.authorityHost,
      MICROSOFT_GRAPH_URL: simulator.graphUrl,
      LOG_LEVEL: "warn",
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
  return { child, exited };
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

const recordsOf = (attemptId: string) => db().select().from(verificationTestItems).where(eq(verificationTestItems.attemptId, attemptId));

/** What the customer would see: the mailbox's items named "… connection test", read through the control API over HTTPS. */
async function connectionTestItems(address: string): Promise<string[]> {
  const response = await fetch(new URL(`/_sim/mailboxes/${encodeURIComponent(address)}`, simulator.url));
  expect(response.status).toBe(200);
  const mailbox = (await response.json()) as { events: Record<string, unknown>[]; contacts: Record<string, unknown>[] };
  return [...mailbox.events, ...mailbox.contacts]
    .map((item) => [item.subject, item.givenName, item.surname, item.displayName].filter((v) => typeof v === "string").join(" "))
    .filter((name) => /connection test/i.test(name));
}

/** A worker killed while both deletes hang: the event and the contact stay in the mailbox, recorded. */
async function killedBetweenCreateAndCleanup(name: string) {
  expect(await connectionTestItems(MAILBOXES.agent)).toEqual([]);
  const worker = await workerProcess();
  simulator.control.addFault({ route: "calendar.delete", times: 1, effect: { type: "hang" } });
  simulator.control.addFault({ route: "contacts.delete", times: 1, effect: { type: "hang" } });
  const submitted = await submit(name);
  const records = await until("both test items to be recorded", async () => {
    const rows = await recordsOf(submitted.attemptId);
    return rows.length === 2 && rows;
  });
  expect(records.map((r) => r.kind).sort()).toEqual(["contact", "event"]);
  expect(records.every((r) => r.mailbox === MAILBOXES.agent && r.brokerageId === submitted.brokerage.id)).toBe(true);
  worker.child.kill("SIGKILL");
  await worker.exited;
  simulator.control.clearFaults();
  expect((await connectionTestItems(MAILBOXES.agent)).length).toBe(2);
  return submitted;
}

describe("test items of a run killed before its cleanup", () => {
  it("the brokerage's next run deletes them before its checks", { timeout: 90_000 }, async () => {
    const { attemptId } = await killedBetweenCreateAndCleanup("Leftover Realty");
    const { outcome } = await runRecordedVerification("recheck", { attemptId, trigger: "recheck", triggeredBy: null, sendTestMessage: false });
    expect(outcome).toBe("verified");
    expect(await connectionTestItems(MAILBOXES.agent)).toEqual([]);
    expect(await recordsOf(attemptId)).toEqual([]);
  });

  it("the sweep deletes them once no live run holds the attempt", { timeout: 90_000 }, async () => {
    const { attemptId } = await killedBetweenCreateAndCleanup("Swept Realty");
    // The records must be older than the sweep's grace (10 s) before it touches them.
    await until("the sweep to delete the items", async () => (await sweepTestItems()) === 2, 30_000);
    expect(await connectionTestItems(MAILBOXES.agent)).toEqual([]);
    expect(await recordsOf(attemptId)).toEqual([]);
  });

  it("a mailbox that refuses deletes is tried again an hour later, and the next run deletes once it allows them", { timeout: 90_000 }, async () => {
    const { attemptId } = await submit("Stubborn Realty", MAILBOXES.listings);
    const recheck = () => runRecordedVerification("recheck", { attemptId, trigger: "recheck", triggeredBy: null, sendTestMessage: false });
    await recheck();
    expect((await recordsOf(attemptId)).length).toBe(2);
    expect((await connectionTestItems(MAILBOXES.listings)).length).toBe(2);

    const openings = async () =>
      (await db().select().from(auditEvents).where(and(eq(auditEvents.subjectId, attemptId), eq(auditEvents.action, "secret.decrypted")))).length;
    await until("the sweep to try the items", async () => {
      await sweepTestItems();
      return (await recordsOf(attemptId)).every((r) => r.triedAt);
    });
    const opened = await openings();
    expect(await sweepTestItems()).toBe(0);
    // The sweep does not open the credential again for items it just failed to delete.
    expect(await openings()).toBe(opened);

    simulator.control.updateMailbox(MAILBOXES.listings, { failDeletes: false });
    await recheck();
    expect(await connectionTestItems(MAILBOXES.listings)).toEqual([]);
    expect(await recordsOf(attemptId)).toEqual([]);
  });
});
