import { randomUUID } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import type PgBoss from "pg-boss";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateKeyRingEntry } from "@/lib/crypto/key-ring";
import { db } from "@/lib/db/client";
import { auditEvents, brokerages, checkResults, invites, outgoingMessages, submissionAttempts, verificationRuns } from "@/lib/db/schema";
import { resetEnvCache } from "@/lib/env";
import { queueDefinitions } from "@/lib/runtime/jobs";
import { startWorker, stopSender } from "@/lib/jobs/queue";
import { runAction } from "@/lib/actions/action";
import { submitCredentials } from "@/lib/submissions/submit";
import { VERIFICATION_RUN } from "@/lib/submissions/verification-job";
import { formDataFromSubmissionInput } from "@/lib/validation/form-data";
import type { SubmissionInput } from "@/lib/validation/submission";
import { APPS, MAILBOXES, TENANTS } from "@/sim/scenarios";
import { brokerageRequest, brokerageWithInvite, stageOf } from "../support/brokerages";
import { startTestSimulator } from "../support/simulator";
import { createStaff } from "../support/staff";

/**
 * The submit action through to the `verification.run` job on a real worker, with the
 * real Microsoft clients against the simulator over HTTPS.
 */

let simulator: Awaited<ReturnType<typeof startTestSimulator>>;
let worker: PgBoss;

beforeAll(async () => {
  simulator = await startTestSimulator({ latencyMs: 40 });
  process.env.CREDENTIALS_KEYS = generateKeyRingEntry("run1");
  process.env.MICROSOFT_AUTHORITY_HOST = simulator.authorityHost;
  process.env.MICROSOFT_GRAPH_URL = simulator.graphUrl;
  resetEnvCache();
  worker = await startWorker(process.env.DATABASE_URL!, queueDefinitions());
});

afterAll(async () => {
  await stopSender();
  await worker?.stop({ graceful: false, wait: true });
  await simulator?.stop();
});

const year = String(new Date().getUTCFullYear() + 1);
const values = (overrides: Partial<SubmissionInput> = {}): SubmissionInput => ({
  tenantId: TENANTS.harbor.id,
  clientId: APPS.sync.clientId,
  clientSecret: APPS.sync.secret,
  expiry: { day: "1", month: "6", year },
  testMailbox: MAILBOXES.agent,
  sendTestMessage: true,
  submitterName: "Dana Whitfield",
  submitterEmail: "it@harbor.example",
  submitterPhone: "",
  ...overrides,
});

/** `basedOn`: the attempt number the administrator's form was filled from (a resubmission's predecessor). */
async function submit(brokerageId: string, input: SubmissionInput, basedOn = "0") {
  const form = formDataFromSubmissionInput(input, { idempotencyKey: randomUUID(), basedOn });
  const [invite] = await db().select({ id: invites.id }).from(invites).where(eq(invites.brokerageId, brokerageId));
  const outcome = await runAction(submitCredentials, form, await brokerageRequest({ brokerageId, inviteId: invite!.id }));
  if (outcome.state.status !== "ok" || !outcome.state.result) throw new Error(`not accepted: ${JSON.stringify(outcome.state)}`);
  expect(outcome.redirectTo).toBe(`/submit/status/${outcome.state.result.attemptId}`);
  return outcome.state.result.attemptId;
}

async function settled(attemptId: string, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const attempt = await db().query.submissionAttempts.findFirst({ where: eq(submissionAttempts.id, attemptId) });
    if (attempt && attempt.status !== "verifying") return attempt;
    if (Date.now() > deadline) throw new Error("the run did not finish");
    await new Promise((r) => setTimeout(r, 100));
  }
}

const checksOf = async (attemptId: string) => {
  const [run] = await db().select().from(verificationRuns).where(eq(verificationRuns.attemptId, attemptId));
  const rows = await db().select().from(checkResults).where(eq(checkResults.runId, run!.id));
  return { run: run!, checks: Object.fromEntries(rows.map((r) => [r.checkId, r])) };
};

describe("the verification job", () => {
  it("verifies good credentials, recording progress as it goes, and tells the CSM", async () => {
    const { brokerage } = await brokerageWithInvite("Harbor Realty");
    const attemptId = await submit(brokerage.id, values());

    // While it runs, rows change one by one: seen at least once part done.
    const seen = new Set<string>();
    const deadline = Date.now() + 30_000;
    while (Date.now() < deadline) {
      const rows = await db()
        .select({ status: checkResults.status })
        .from(checkResults)
        .innerJoin(verificationRuns, eq(verificationRuns.id, checkResults.runId))
        .where(eq(verificationRuns.attemptId, attemptId));
      const finished = rows.filter((r) => !["pending", "running"].includes(r.status)).length;
      if (rows.length) seen.add(finished === 0 ? "none" : finished === rows.length ? "all" : "some");
      if (finished === 10) break;
      await new Promise((r) => setTimeout(r, 20));
    }
    expect(seen.has("some")).toBe(true);

    const attempt = await settled(attemptId);
    expect(attempt.status).toBe("verified");
    const { run, checks } = await checksOf(attemptId);
    expect(run).toMatchObject({ outcome: "verified", trigger: "submit" });
    const { "scope.outside": outside, ...others } = checks;
    expect(Object.values(others).map((c) => c.status)).toEqual(Array(10).fill("pass"));
    // Organisation-wide access and no outside mailbox: that probe alone is not made.
    expect(outside?.status).toBe("skipped");
    expect(await stageOf(brokerage.id)).toBe("verified");

    const decrypted = await db()
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.subjectId, attemptId), eq(auditEvents.action, "secret.decrypted")));
    expect(decrypted).toHaveLength(1);
    const [message] = await db().select().from(outgoingMessages).where(eq(outgoingMessages.brokerageId, brokerage.id));
    // No CSM assigned: it waits unaddressed in the staff outbox.
    expect(message).toMatchObject({ kind: "attempt-verified", toAddress: null, status: "outbox" });
    expect(message!.subject).toContain("Harbor Realty");
    expect(JSON.stringify(message)).not.toContain(APPS.sync.secret);
  });

  it("fails missing consent with its reason, moves the stage to failed and writes to the assigned CSM", async () => {
    const { brokerage } = await brokerageWithInvite("Consent Realty");
    const csm = await createStaff("csm");
    await db().update(brokerages).set({ csmId: csm.id }).where(eq(brokerages.id, brokerage.id));
    const attemptId = await submit(brokerage.id, values({ clientId: APPS.unconsented.clientId, clientSecret: APPS.unconsented.secret }));
    expect((await settled(attemptId)).status).toBe("failed");
    const { checks } = await checksOf(attemptId);
    expect(checks.permissions).toMatchObject({ status: "fail", reason: "consent-missing", guideAnchor: "grant-consent" });
    expect(checks["calendar.read"]).toMatchObject({ status: "skipped" });
    expect(await stageOf(brokerage.id)).toBe("failed");
    const [message] = await db().select().from(outgoingMessages).where(eq(outgoingMessages.brokerageId, brokerage.id));
    expect(message).toMatchObject({ kind: "attempt-failed", toAddress: csm.email });
    expect(message!.textBody).toContain("(consent-missing)");
  });

  it("looks once more, after a short wait, when a resubmission minutes later still lacks consent, and says it did", async () => {
    const { brokerage } = await brokerageWithInvite("Second Look Realty");
    const unconsented = values({ clientId: APPS.unconsented.clientId, clientSecret: APPS.unconsented.secret });
    const first = await submit(brokerage.id, unconsented);
    expect((await settled(first)).status).toBe("failed");
    expect((await checksOf(first)).checks.permissions?.detail).not.toContain("Checked twice");

    // The administrator grants consent and resubmits at once; Microsoft has "not caught up" when the
    // run starts, and has by the second look.
    const second = await submit(brokerage.id, unconsented, "1");
    const deadline = Date.now() + 15_000;
    while (!(await checksOf(second).catch(() => null))?.checks.permissions?.status?.match(/pass|fail/) && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 200));
    }
    expect((await checksOf(second)).checks.permissions).toMatchObject({ status: "fail", reason: "consent-missing" });
    expect((await db().query.submissionAttempts.findFirst({ where: eq(submissionAttempts.id, second) }))?.status).toBe("verifying");
    simulator.control.updateApp(APPS.unconsented.clientId, { roles: ["Calendars.ReadWrite", "Contacts.ReadWrite", "Mail.Send"] });
    try {
      expect((await settled(second, 45_000)).status).toBe("verified");
      const { checks } = await checksOf(second);
      expect(checks.permissions).toMatchObject({ status: "pass" });
      expect(checks.permissions?.detail).toContain("had cleared by this second check");
    } finally {
      simulator.control.updateApp(APPS.unconsented.clientId, { roles: [] });
    }
  }, 60_000);

  it("leaves an inconclusive attempt submitted, tells nobody, and queues a retry for later", async () => {
    const { brokerage } = await brokerageWithInvite("Coastal Properties");
    const attemptId = await submit(
      brokerage.id,
      values({ tenantId: TENANTS.coastal.id, clientId: APPS.coastal.clientId, clientSecret: APPS.coastal.secret, testMailbox: MAILBOXES.coastal }),
    );
    expect((await settled(attemptId, 60_000)).status).toBe("inconclusive");
    const { checks } = await checksOf(attemptId);
    expect(checks.token).toMatchObject({ status: "error", reason: "microsoft-unavailable" });
    expect(await stageOf(brokerage.id)).toBe("submitted");
    expect(await db().select().from(outgoingMessages).where(eq(outgoingMessages.brokerageId, brokerage.id))).toEqual([]);

    const retries = await db().execute<{ data: { retry: number; trigger: string }; later: boolean }>(sql`
      select data, start_after > now() + interval '1 minute' as later
      from pgboss.job where name = ${VERIFICATION_RUN} and singleton_key = ${attemptId} and state = 'created'`);
    expect(retries).toEqual([{ data: { attemptId, trigger: "scheduled", retry: 1 }, later: true }]);
  });
});
