import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { checkCredentials } from "@/lib/verification/credentials-check";
import { runVerification } from "@/lib/verification/run";
import { CHECK_IDS, GOOGLE_ONLY_REASONS, REASONS, type CheckProgress, type VerificationReport } from "@/lib/verification/types";
import { APPS, MAILBOXES, scenario, SCENARIOS, WRONG_SECRET, type ScenarioKey } from "@/sim/scenarios";
import { scenarioCertificates } from "@/sim/certificates";
import type { RunningSimulator } from "@/sim/server";
import { captureLogs, startTestSimulator } from "../support/simulator";

/**
 * Every scenario of the simulator through the real MSAL and Graph clients over
 * HTTPS: each reason of DESIGN §4, with logs captured throughout to prove that no
 * secret and no access token is ever written.
 */

let sim: RunningSimulator;
const logs = captureLogs();
/** Mailboxes the simulator has (the "unknown mailbox" scenario's has none). */
const REAL_MAILBOXES = new Set<string>(Object.values(MAILBOXES).filter((m) => m !== MAILBOXES.nobody));
/** Every access token the simulator issued during this file (reset forgets them). */
const issued: string[] = [];

beforeAll(async () => {
  sim = await startTestSimulator();
});
afterAll(async () => {
  await sim?.stop();
});
beforeEach(() => {
  issued.push(...sim.control.issuedTokens());
  sim.control.reset();
});

const verify = (key: ScenarioKey, overrides: Parameters<typeof runVerification>[0] | object = {}) =>
  runVerification({ ...scenario(key).values, ...overrides }, { endpoints: sim, logger: logs.logger });

const check = (report: VerificationReport, id: (typeof CHECK_IDS)[number]) => report.checks.find((c) => c.id === id)!;

describe("the scenario matrix", () => {
  it("has a scenario for every reason of the contract", () => {
    const covered = new Set<string | undefined>(SCENARIOS.map((s) => ("reason" in s.expected ? s.expected.reason : undefined)));
    expect(REASONS.filter((r) => !covered.has(r) && !GOOGLE_ONLY_REASONS.includes(r))).toEqual([]);
  });

  it.each(SCENARIOS.map((s) => [s.key, s] as const))("%s", async (_key, s) => {
    const report = await runVerification(s.values, { endpoints: sim, logger: logs.logger });
    expect(report.checks.map((c) => c.id)).toEqual([...CHECK_IDS]);
    const shown = check(report, s.expected.check);
    expect({ outcome: report.outcome, status: shown.status, reason: shown.reason }).toEqual({
      outcome: s.expected.outcome,
      status: s.expected.status,
      reason: "reason" in s.expected ? s.expected.reason : undefined,
    });
    for (const c of report.checks) {
      expect(c.title).toBeTruthy();
      expect(c.detail).toBeTruthy();
      if (c.status !== "pass" && c.status !== "skipped") expect(c.reason).toBeTruthy();
    }
    // Whatever happened, no test item is left behind unless deleting it is what failed.
    if (s.key !== "cleanup-fails" && REAL_MAILBOXES.has(s.values.testMailbox)) {
      const left = sim.control.mailbox(s.values.testMailbox);
      expect([...left.events, ...left.contacts]).toEqual([]);
    }
  });
});

describe("a fully good tenant", () => {
  it("is verified, every check passing, with the test items deleted and the message sent to itself", async () => {
    const report = await verify("good");
    expect(report.outcome).toBe("verified");
    expect(report.checks.filter((c) => c.id !== "scope.outside").every((c) => c.status === "pass")).toBe(true);
    // No mailbox outside a scope was given: that probe alone is not made.
    expect(check(report, "scope.outside")).toMatchObject({ status: "skipped", data: { noOutsideMailbox: true } });
    const mailbox = sim.control.mailbox(MAILBOXES.agent);
    expect(mailbox.events).toEqual([]);
    expect(mailbox.contacts).toEqual([]);
    const event = mailbox.created.find((c) => c.collection === "events")!.item;
    expect(event).toMatchObject({ attendees: [], isReminderOn: false, showAs: "free", subject: "MoxiEngage connection test" });
    expect(mailbox.sentMessages).toHaveLength(1);
    expect(mailbox.sentMessages[0]).toMatchObject({
      subject: expect.stringContaining("MoxiEngage connection test"),
      toRecipients: [{ emailAddress: { address: MAILBOXES.agent } }],
    });
  });

  it("skips the test message when sending is turned off, and is still verified", async () => {
    const report = await verify("good", { sendTestMessage: false });
    expect(report.outcome).toBe("verified");
    expect(check(report, "mail.send")).toMatchObject({ status: "skipped", data: { turnedOff: true } });
    expect(sim.control.mailbox(MAILBOXES.agent).sentMessages).toEqual([]);
  });

  it("reports progress: each check running, then its result, ending where the report ends", async () => {
    const updates: CheckProgress[] = [];
    const report = await runVerification(scenario("secret-id-pasted").values, { endpoints: sim, logger: logs.logger, onProgress: (u) => void updates.push(u) });
    for (const id of CHECK_IDS) {
      const mine = updates.filter((u) => u.id === id).map((u) => u.status);
      const final = check(report, id).status;
      expect(mine).toEqual(final === "skipped" ? ["skipped"] : ["running", final]);
    }
  });
});

describe("what a failing check tells the administrator", () => {
  it("a pasted Secret ID: Microsoft's code and request id, and the guide step", async () => {
    const token = check(await verify("secret-id-pasted"), "token");
    expect(token).toMatchObject({
      status: "fail",
      reason: "secret-is-secret-id",
      guideAnchor: "copy-secret-value",
      microsoft: { code: "AADSTS7000215", requestId: expect.stringMatching(/^[0-9a-f-]{36}$/), timestamp: expect.stringMatching(/Z$/) },
    });
    expect(check(await verify("wrong-secret"), "token").reason).toBe("secret-invalid");
  });

  it("missing permissions are listed, extra ones too", async () => {
    expect(check(await verify("permission-missing"), "permissions")).toMatchObject({ data: { missing: ["Mail.Send"] }, detail: expect.stringContaining("Missing: Mail.Send") });
    expect(check(await verify("excess-permissions"), "permissions")).toMatchObject({ data: { extra: ["Mail.ReadWrite", "User.Read.All"] } });
  });

  it("a mailbox in another tenant names the domain", async () => {
    expect(check(await verify("mailbox-other-tenant"), "tenant")).toMatchObject({ reason: "mailbox-domain-other-tenant", data: { domain: "summit.example" } });
  });

  it("an item that could not be deleted is named, and is still there to delete by hand", async () => {
    const report = await verify("cleanup-fails");
    const write = check(report, "calendar.write");
    expect(write).toMatchObject({ status: "warn", reason: "cleanup-failed", microsoft: { code: "ErrorInternalServerError" } });
    const left = sim.control.mailbox(MAILBOXES.listings).events.map((e) => e.id);
    expect(left).toEqual([write.data?.itemId]);
    expect(write.detail).toContain(String(write.data?.itemId));
  });

  it("after a fix in the tenant, the same values verify", async () => {
    expect((await verify("consent-missing")).outcome).toBe("failed");
    await fetch(`${sim.url}/_sim/scenarios/consent-missing/fix`, { method: "POST" });
    expect((await verify("consent-missing")).outcome).toBe("verified");
  });
});

describe("the early credentials check", () => {
  it("checks only input, token and permissions", async () => {
    const { tenantId, clientId, clientSecret } = scenario("good").values;
    const results = await checkCredentials({ tenantId, clientId, clientSecret }, { endpoints: sim, logger: logs.logger });
    expect(results.map((r) => [r.id, r.status])).toEqual([
      ["input", "pass"],
      ["token", "pass"],
      ["permissions", "pass"],
    ]);
    expect(sim.control.requests().map((r) => r.route)).toEqual(["token"]);
  });

  it("finds a pasted Secret ID, missing consent and malformed values", async () => {
    const base = scenario("good").values;
    const [, token] = await checkCredentials({ ...base, clientSecret: APPS.sync.secretId }, { endpoints: sim, logger: logs.logger });
    expect(token).toMatchObject({ status: "fail", reason: "secret-is-secret-id" });
    const consent = await checkCredentials({ ...base, clientId: APPS.unconsented.clientId, clientSecret: APPS.unconsented.secret }, { endpoints: sim, logger: logs.logger });
    expect(consent[2]).toMatchObject({ status: "fail", reason: "consent-missing" });
    // Before the access scope is asked, the early check names the RBAC for Applications way too.
    expect(consent[2]!.detail).toMatch(/Exchange RBAC for Applications \(step 8\)/);
    const [input, skippedToken] = await checkCredentials({ ...base, clientId: "not-a-guid" }, { endpoints: sim, logger: logs.logger });
    expect(input).toMatchObject({ status: "fail", reason: "invalid-input", data: { problems: [{ field: "clientId" }] } });
    expect(skippedToken?.status).toBe("skipped");
  });
});

describe("logs written during the whole matrix", () => {
  it("contain no secret, no private key and no access token", () => {
    const text = logs.text();
    // The certificate scenarios ran too: no PEM private key, not even a line of its body.
    expect(text).not.toMatch(/PRIVATE KEY/);
    for (const c of Object.values(scenarioCertificates())) expect(text).not.toContain(c.privateKeyPem.split("\n")[2]!);
    expect(text).toContain("verification finished");
    expect(text).toContain('"source":"msal"'); // MSAL's own log is captured too
    const secrets = [...Object.values(APPS).map((a) => a.secret), WRONG_SECRET];
    for (const secret of secrets) expect(text).not.toContain(secret);
    const tokens = [...issued, ...sim.control.issuedTokens()];
    expect(tokens.length).toBeGreaterThan(10);
    for (const token of tokens) {
      expect(text).not.toContain(token);
      expect(text).not.toContain(token.split(".")[2]); // not even the signature alone
    }
  });
});
