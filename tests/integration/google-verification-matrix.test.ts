import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { GOOGLE_SCOPE_STRINGS } from "@/lib/google/scopes";
import { runGoogleVerification, type GoogleRunOptions } from "@/lib/verification/google/run";
import { GOOGLE_ONLY_REASONS, type VerificationReport } from "@/lib/verification/types";
import { GOOGLE_SCENARIOS, googleScenario } from "@/sim/google/scenarios";
import type { RunningGoogleSimulator } from "@/sim/google/server";
import { startTestGoogleSimulator } from "../support/google-simulator";
import { captureLogs } from "../support/simulator";

/**
 * Every Google Workspace scenario through the real google-auth-library and @googleapis
 * clients over HTTPS against the simulator: one case per reason of DESIGN §10, throttling
 * that clears, a hanging endpoint, cleanup after a later failure, and logs that never hold
 * the vendor's key or a token.
 */

let sim: RunningGoogleSimulator;
let base: GoogleRunOptions;
const logs = captureLogs();

beforeAll(async () => {
  const started = await startTestGoogleSimulator();
  sim = started.sim;
  base = { ...started.runOptions, logger: logs.logger };
});
afterAll(async () => {
  await sim?.stop();
});
beforeEach(() => {
  sim.control.reset();
});

const check = (report: VerificationReport, id: string) => report.checks.find((c) => c.id === id)!;

describe("the Google scenario matrix", () => {
  it("has a scenario for every Google reason and the shared ones", () => {
    const covered = new Set(GOOGLE_SCENARIOS.map((s) => s.expected.reason));
    for (const r of [...GOOGLE_ONLY_REASONS, "vendor-config", "mailbox-not-found", "mailbox-not-enabled", "throttled", "unexpected", "cleanup-failed", "invalid-input"] as const) expect(covered).toContain(r);
  });

  it.each(GOOGLE_SCENARIOS.map((s) => [s.key, s] as const))("%s", async (_key, s) => {
    s.setup?.(sim.control);
    const report = await runGoogleVerification(s.values, base);
    expect(report.checks.map((c) => c.id)).toEqual(["input", "token", "calendar.read", "calendar.write", "contacts.read", "contacts.write", "mail.send"]);
    const shown = check(report, s.expected.check);
    expect({ outcome: report.outcome, status: shown.status, reason: shown.reason }).toEqual({ outcome: s.expected.outcome, status: s.expected.status, reason: s.expected.reason });
    for (const c of report.checks) {
      expect(c.title).toBeTruthy();
      expect(c.detail).toBeTruthy();
      if (c.status !== "pass" && c.status !== "skipped") expect(c.reason).toBeTruthy();
    }
    if (s.key !== "google-cleanup-failed") expect(sim.control.leftovers()).toBe(0);
  });
});

describe("what the administrator is told", () => {
  it("names exactly the scopes that are missing, and still checks the calendar and contacts", async () => {
    const report = await runGoogleVerification(googleScenario("google-scope-missing").values, base);
    expect(check(report, "token").data?.missing).toEqual(["https://www.googleapis.com/auth/gmail.send"]);
    expect(check(report, "token").detail).toContain("gmail.send");
    expect(check(report, "calendar.write").status).toBe("pass");
    expect(check(report, "contacts.write").status).toBe("pass");
    expect(check(report, "mail.send").status).toBe("skipped");
  });

  it("says to wait and check again first when no scope is authorised", async () => {
    const token = check(await runGoogleVerification(googleScenario("google-delegation-missing").values, base), "token");
    expect(token.detail).toMatch(/wait a little and check again/);
    expect(token.guideAnchor).toBe("google-add-delegation");
  });

  it("verifies once the missing scope is added in the Admin console", async () => {
    const values = googleScenario("google-scope-missing").values;
    expect((await runGoogleVerification(values, base)).outcome).toBe("failed");
    sim.control.setDelegation(values.domain, [...GOOGLE_SCOPE_STRINGS]);
    expect((await runGoogleVerification(values, base)).outcome).toBe("verified");
  });

  it("does not count a delegation Google has not applied yet", async () => {
    const values = googleScenario("google-delegation-missing").values;
    sim.control.setDelegation(values.domain, [...GOOGLE_SCOPE_STRINGS], 60_000);
    expect(check(await runGoogleVerification(values, base), "token").reason).toBe("delegation-missing");
  });

  it("tells staff, not the administrator, when the vendor's account is not configured", async () => {
    const report = await runGoogleVerification(googleScenario("google-verified").values, { ...base, account: null });
    expect({ outcome: report.outcome, status: check(report, "token").status, reason: check(report, "token").reason }).toEqual({ outcome: "inconclusive", status: "error", reason: "vendor-config" });
  });

  it("skips the test message when it is turned off, and sends none", async () => {
    const report = await runGoogleVerification({ ...googleScenario("google-verified").values, sendTestMessage: false }, base);
    expect(report.outcome).toBe("verified");
    expect(check(report, "mail.send").status).toBe("skipped");
    expect(sim.control.state.sent).toHaveLength(0);
  });
});

describe("the runner's rules", () => {
  it("waits out throttling that clears, honouring Retry-After", async () => {
    sim.control.addFault({ route: "calendar", effect: { type: "status", status: 429, retryAfterSeconds: 1 }, times: 1 });
    sim.control.addFault({ route: "token", effect: { type: "status", status: 503, retryAfterSeconds: 1 }, times: 1 });
    const started = Date.now();
    const report = await runGoogleVerification(googleScenario("google-verified").values, base);
    expect(report.checks.filter((c) => c.status !== "pass")).toEqual([]);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
  });

  it("ends a hanging endpoint inconclusive within the run's bound", async () => {
    sim.control.addFault({ route: "people", effect: { type: "hang" } });
    const started = Date.now();
    const report = await runGoogleVerification(googleScenario("google-verified").values, { ...base, timeouts: { requestMs: 1_000, runMs: 3_000, cleanupMs: 1_000 } });
    expect(Date.now() - started).toBeLessThan(6_000);
    expect(report.outcome).toBe("inconclusive");
    expect(check(report, "contacts.read")).toMatchObject({ status: "error", reason: "google-unavailable" });
    expect(check(report, "calendar.write").status).toBe("pass");
  });

  it("deletes the test event even when the calendar read fails after it was created", async () => {
    sim.control.addFault({ route: "calendar", method: "GET", effect: { type: "status", status: 400, reason: "somethingNew" } });
    const report = await runGoogleVerification(googleScenario("google-verified").values, base);
    expect(check(report, "calendar.read").reason).toBe("unexpected");
    expect(check(report, "calendar.write").status).toBe("skipped");
    expect(sim.control.state.requests.filter((r) => r.route === "calendar" && r.method === "POST")).toHaveLength(1);
    expect(sim.control.leftovers()).toBe(0);
  });

  it("requests the tokens all at once, then the probes, then the cleanup: three round trips", async () => {
    sim.control.setLatency(100);
    sim.control.clearRequests();
    const report = await runGoogleVerification(googleScenario("google-verified").values, base);
    expect(report.outcome).toBe("verified");
    const requests = sim.control.state.requests;
    // Each wave starts after the previous one's last answer.
    const waves: (typeof requests)[] = [];
    for (const r of [...requests].sort((a, b) => a.startedAt - b.startedAt)) {
      const last = waves.at(-1);
      if (last && r.startedAt < Math.max(...last.map((x) => x.endedAt))) last.push(r);
      else waves.push([r]);
    }
    expect(waves.map((w) => w.map((r) => r.route).sort())).toEqual([
      ["token", "token", "token"],
      ["calendar", "calendar", "gmail", "people", "people"],
      ["calendar", "people"],
    ]);
  });

  it("never logs the vendor's key or an access token", async () => {
    await runGoogleVerification(googleScenario("google-verified").values, base);
    const text = logs.text();
    expect(text).not.toContain(base.account!.privateKey.split("\n")[1]);
    expect(text).not.toMatch(/ya29\./);
  });
});
