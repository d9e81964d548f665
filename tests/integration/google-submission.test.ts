import { randomUUID } from "node:crypto";
import { desc, eq } from "drizzle-orm";
import type PgBoss from "pg-boss";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runAction } from "@/lib/actions/action";
import { generateKeyRingEntry } from "@/lib/crypto/key-ring";
import { db } from "@/lib/db/client";
import { auditEvents, checkResults, invites, submissionAttempts, verificationRuns, webhookDeliveries } from "@/lib/db/schema";
import { resetEnvCache } from "@/lib/env";
import { GOOGLE_SCOPE_STRINGS } from "@/lib/google/scopes";
import { startWorker, stopSender } from "@/lib/jobs/queue";
import { approveAttempt } from "@/lib/review/approve";
import { runRecordedVerification } from "@/lib/runs/recorded-run";
import { queueDefinitions } from "@/lib/runtime/jobs";
import { getAttemptForBrokerage } from "@/lib/submissions/queries";
import { getStatusView } from "@/lib/submissions/status-view";
import { submitGoogleWorkspace } from "@/lib/submissions/submit-google";
import { NO_EXPIRY_DATE } from "@/lib/validation/credential-method";
import type { RunningGoogleSimulator } from "@/sim/google/server";
import { VENDOR_SERVICE_ACCOUNT } from "@/sim/google/model";
import { brokerageRequest, brokerageWithInvite } from "../support/brokerages";
import { startTestGoogleSimulator } from "../support/google-simulator";

/**
 * Google Workspace through the one run service: the form's submit, the `verification.run`
 * job on a real worker with the real Google clients over HTTPS against the simulator, a
 * fix in the Admin console (the simulator's delegation table), the resubmission, a CSM's
 * approval and the hand-off event naming provider, domain and scopes.
 */

let sim: RunningGoogleSimulator;
let worker: PgBoss;

beforeAll(async () => {
  sim = (await startTestGoogleSimulator()).sim;
  process.env.CREDENTIALS_KEYS = generateKeyRingEntry("g1");
  process.env.GOOGLE_OAUTH_TOKEN_URL = sim.tokenUrl;
  process.env.GOOGLE_API_ROOT = sim.apiRoot;
  process.env.GOOGLE_SERVICE_ACCOUNT_KEY_FILE = sim.serviceAccountKeyFile;
  resetEnvCache();
  worker = await startWorker(process.env.DATABASE_URL!, queueDefinitions());
});

afterAll(async () => {
  await stopSender();
  await worker?.stop({ graceful: false, wait: true });
  await sim?.stop();
});

function form(values: Record<string, string>, basedOn = "0") {
  const f = new FormData();
  for (const [k, v] of Object.entries({ sendTestMessage: "on", submitterName: "Rosa Ortiz", submitterEmail: "it@oakridge.example", submitterPhone: "", ...values })) f.set(k, v);
  f.set("idempotencyKey", randomUUID());
  f.set("basedOn", basedOn);
  return f;
}

async function submit(brokerageId: string, values: Record<string, string>, basedOn = "0") {
  const [invite] = await db().select({ id: invites.id }).from(invites).where(eq(invites.brokerageId, brokerageId));
  return runAction(submitGoogleWorkspace, form(values, basedOn), await brokerageRequest({ brokerageId, inviteId: invite!.id }));
}

async function settled(attemptId: string) {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const attempt = await db().query.submissionAttempts.findFirst({ where: eq(submissionAttempts.id, attemptId) });
    if (attempt && attempt.status !== "verifying") return attempt;
    if (Date.now() > deadline) throw new Error("the run did not finish");
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function checksOf(attemptId: string) {
  const [run] = await db().select().from(verificationRuns).where(eq(verificationRuns.attemptId, attemptId)).orderBy(desc(verificationRuns.startedAt)).limit(1);
  const rows = await db().select().from(checkResults).where(eq(checkResults.runId, run!.id));
  return { run: run!, checks: Object.fromEntries(rows.map((r) => [r.checkId, r])) };
}

describe("a Google Workspace brokerage", () => {
  it("refuses a test user outside the domain, with the form's words, and keeps nothing", async () => {
    const { brokerage } = await brokerageWithInvite("Oakridge Homes (refused)", { emailDomain: "oakridge.example" });
    const outcome = await submit(brokerage.id, { googleDomain: "oakridge.example", googleTestUser: "agent@maplegrove.example" });
    expect(outcome.state).toMatchObject({ status: "invalid", errors: { googleTestUser: "Enter the address of a user in oakridge.example" } });
    expect(await db().select().from(submissionAttempts).where(eq(submissionAttempts.brokerageId, brokerage.id))).toHaveLength(0);
  });

  it("submits, fails on the missing scope, is fixed in the Admin console, verifies, is approved and handed off", async () => {
    const { brokerage } = await brokerageWithInvite("Oakridge Homes", { emailDomain: "oakridge.example" });
    // Harmless extras in the domain are stripped.
    const first = await submit(brokerage.id, { googleDomain: " https://Oakridge.example/ ", googleTestUser: "Agent@oakridge.example" });
    expect(first.state.status).toBe("ok");
    const firstId = (first.state as { result: { attemptId: string } }).result.attemptId;
    const attempt = await settled(firstId);
    expect(attempt).toMatchObject({
      status: "failed",
      credentialMethod: "google-delegation",
      tenantId: "oakridge.example",
      testMailbox: "agent@oakridge.example",
      clientId: VENDOR_SERVICE_ACCOUNT.clientId,
      secretExpiresOn: NO_EXPIRY_DATE,
      secretCiphertext: null,
    });
    const { run, checks } = await checksOf(firstId);
    expect(run.outcome).toBe("failed");
    expect(Object.keys(checks).sort()).toEqual(["calendar.read", "calendar.write", "contacts.read", "contacts.write", "input", "mail.send", "token"]);
    expect(checks.token).toMatchObject({ status: "fail", reason: "scope-missing", guideAnchor: "google-add-delegation", microsoftCode: "unauthorized_client" });
    expect(checks.token!.detail).toContain("https://www.googleapis.com/auth/gmail.send");
    expect(checks["calendar.write"]!.status).toBe("pass");
    expect(checks["mail.send"]!.status).toBe("skipped");
    // The administrator's status page: the Google rows, in Google's words, a skipped row explained.
    const view = await getStatusView((await getAttemptForBrokerage(brokerage.id, firstId))!);
    expect(view.attempt.provider).toBe("google");
    expect(view.checks.map((c) => c.id)).toEqual(["input", "token", "calendar.read", "calendar.write", "contacts.read", "contacts.write", "mail.send"]);
    expect(view.checks[1]!.label).toBe("Google issues a token for each scope, acting as the test user");
    expect(view.checks[6]!.detail).toBe("Not run, because “Google issues a token for each scope, acting as the test user” did not pass.");
    // Nothing was decrypted for a Google run.
    const decrypted = await db().select().from(auditEvents).where(eq(auditEvents.brokerageId, brokerage.id));
    expect(decrypted.map((e) => e.action)).not.toContain("secret.decrypted");

    // The super administrator pastes the full scope list.
    sim.control.setDelegation("oakridge.example", [...GOOGLE_SCOPE_STRINGS]);
    const second = await submit(brokerage.id, { googleDomain: "oakridge.example", googleTestUser: "agent@oakridge.example" }, "1");
    const secondId = (second.state as { result: { attemptId: string } }).result.attemptId;
    expect((await settled(secondId)).status).toBe("verified");
    expect(sim.control.leftovers()).toBe(0);

    await approveAttempt(secondId, { staffId: "csm-1", origin: { ip: "203.0.113.9", userAgent: "test" } });
    const [delivery] = await db().select().from(webhookDeliveries).where(eq(webhookDeliveries.brokerageId, brokerage.id));
    expect(JSON.parse(delivery!.body).data).toMatchObject({
      provider: "google",
      domain: "oakridge.example",
      scopes: [...GOOGLE_SCOPE_STRINGS],
      credentialMethod: "google-delegation",
      clientId: VENDOR_SERVICE_ACCOUNT.clientId,
    });

    // The scheduled re-verification and a CSM's re-run use the same run service.
    const rerun = await runRecordedVerification("reverify", { attemptId: secondId, trigger: "scheduled", triggeredBy: null, sendTestMessage: false });
    expect(rerun.outcome).toBe("verified");
    sim.control.setDelegation("oakridge.example", []);
    const regressed = await runRecordedVerification("reverify", { attemptId: secondId, trigger: "scheduled", triggeredBy: null, sendTestMessage: false });
    expect(regressed.outcome).toBe("failed");
    expect((await checksOf(secondId)).checks.token).toMatchObject({ reason: "delegation-missing" });
  });
});
