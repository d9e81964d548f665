import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { runVerification } from "@/lib/verification/run";
import type { RunOptions, VerificationReport } from "@/lib/verification/types";
import { MAILBOXES, scenario } from "@/sim/scenarios";
import type { RunningSimulator } from "@/sim/server";
import { captureLogs, startTestSimulator } from "../support/simulator";

/**
 * Microsoft misbehaving: throttling, outages and requests that never answer,
 * injected into the simulator. Retries stay within one budget, a run stays
 * within its time bound, and test items are deleted whatever fails later.
 */

let sim: RunningSimulator;
const { logger } = captureLogs();

beforeAll(async () => {
  sim = await startTestSimulator();
});
afterAll(async () => {
  await sim?.stop();
});
beforeEach(() => {
  sim.control.reset();
});

const good = scenario("good").values;
const run = (options: RunOptions = {}) => runVerification(good, { endpoints: sim, logger, ...options });
const check = (report: VerificationReport, id: string) => report.checks.find((c) => c.id === id)!;
const requestsTo = (route: string) => sim.control.requests().filter((r) => r.route === route);

describe("throttling", () => {
  it("that clears within the retry budget still passes, after waiting as Microsoft asked", async () => {
    sim.control.addFault({ route: "calendar.list", times: 2, effect: { type: "status", status: 429, retryAfterSeconds: 1 } });
    const started = Date.now();
    const report = await run();
    expect(report.outcome).toBe("verified");
    expect(requestsTo("calendar.list").map((r) => r.status)).toEqual([429, 429, 200]);
    expect(Date.now() - started).toBeGreaterThanOrEqual(2000);
  });

  it("retries a 503 from the token endpoint and a 504 from Graph", async () => {
    sim.control.addFault({ route: "token", times: 1, effect: { type: "status", status: 503 } });
    sim.control.addFault({ route: "mail.send", times: 1, effect: { type: "status", status: 504 } });
    const report = await run();
    expect(report.outcome).toBe("verified");
    expect(requestsTo("token").map((r) => r.status)).toEqual([503, 200]);
    expect(requestsTo("mail.send").map((r) => r.status)).toEqual([504, 202]);
  });

  it("that outlasts the budget ends the run inconclusive without waiting it out", async () => {
    sim.control.addFault({ route: "contacts.list", effect: { type: "status", status: 429, retryAfterSeconds: 3600 } });
    const report = await run();
    expect(report.outcome).toBe("inconclusive");
    expect(check(report, "contacts.read")).toMatchObject({ status: "error", reason: "throttled", microsoft: { code: "ApplicationThrottled" } });
    expect(check(report, "calendar.write").status).toBe("pass");
    expect(requestsTo("contacts.list")).toHaveLength(1);
    expect(report.durationMs).toBeLessThan(3000);
  });

  it("shares one budget across requests, so a constant 503 costs seconds, not minutes", async () => {
    sim.control.addFault({ route: "graph", effect: { type: "status", status: 503 } });
    const report = await run({ timeouts: { retryBudgetMs: 2000 } });
    expect(report.outcome).toBe("inconclusive");
    for (const id of ["calendar.read", "contacts.read", "mail.send"]) expect(check(report, id)).toMatchObject({ status: "error", reason: "microsoft-unavailable" });
    const graphRequests = sim.control.requests().filter((r) => r.route !== "token" && r.route !== "discovery");
    expect(graphRequests.length).toBeLessThanOrEqual(3 * 4);
    expect(report.durationMs).toBeLessThan(2000 + 3000);
  });

  it("never sends more than 4 requests at once to the mailbox", async () => {
    await Promise.all([run(), run(), run()]);
    expect(sim.control.maxConcurrentRequests(MAILBOXES.agent)).toBeLessThanOrEqual(4);
    expect(sim.control.requests().some((r) => r.status === 429)).toBe(false);
  });
});

describe("requests that never answer", () => {
  it("a hanging token endpoint ends the run inconclusive within the default time bound", async () => {
    sim.control.addFault({ route: "token", effect: { type: "hang" } });
    const report = await run();
    expect(report.outcome).toBe("inconclusive");
    expect(check(report, "token")).toMatchObject({ status: "error", reason: "microsoft-unavailable" });
    expect(check(report, "tenant").status).toBe("pass");
    expect(report.durationMs).toBeGreaterThanOrEqual(10_000); // the request timeout
    expect(report.durationMs).toBeLessThan(30_000); // the run's bound
  }, 45_000);

  it("a hanging Graph endpoint stops only the checks that need it", async () => {
    sim.control.addFault({ route: "contacts.list", effect: { type: "hang" } });
    const report = await run({ timeouts: { requestMs: 1000 } });
    expect(report.outcome).toBe("inconclusive");
    expect(check(report, "contacts.read")).toMatchObject({ status: "error", reason: "microsoft-unavailable" });
    expect(check(report, "contacts.write").status).toBe("skipped");
    expect(check(report, "calendar.write").status).toBe("pass");
    expect(report.durationMs).toBeLessThan(3000);
  });

  it("the run's own time limit ends it even when a request would wait longer", async () => {
    sim.control.addFault({ route: "mail.send", effect: { type: "hang" } });
    const report = await run({ timeouts: { requestMs: 60_000, runMs: 1500 } });
    expect(report.outcome).toBe("inconclusive");
    expect(check(report, "mail.send")).toMatchObject({ status: "error", reason: "microsoft-unavailable" });
    expect(report.durationMs).toBeLessThan(1500 + 2000);
  });

  it("a discovery endpoint that never answers is told from a missing tenant", async () => {
    sim.control.addFault({ route: "discovery", effect: { type: "hang" } });
    const report = await run({ timeouts: { requestMs: 800 } });
    expect(check(report, "tenant")).toMatchObject({ status: "error", reason: "microsoft-unavailable" });
    expect(check(report, "token").status).toBe("pass");
  });
});

describe("test items", () => {
  const leftovers = () => {
    const m = sim.control.mailbox(MAILBOXES.agent);
    return [...m.events, ...m.contacts];
  };

  it("are deleted even when a later check fails", async () => {
    sim.control.addFault({ route: "mail.send", effect: { type: "status", status: 500 } });
    sim.control.addFault({ route: "contacts.create", effect: { type: "status", status: 503 } });
    const report = await run({ timeouts: { retryBudgetMs: 1000 } });
    expect(report.outcome).toBe("inconclusive");
    expect(check(report, "calendar.write").status).toBe("pass");
    expect(check(report, "contacts.write")).toMatchObject({ status: "error", reason: "microsoft-unavailable" });
    expect(requestsTo("calendar.delete").map((r) => r.status)).toEqual([204]);
    expect(leftovers()).toEqual([]);
  });

  it("are deleted even when the run is stopped while one is being created", async () => {
    sim.control.addFault({ route: "calendar.create", effect: { type: "delay", ms: 400 } });
    const controller = new AbortController();
    const watcher = setInterval(() => {
      if (requestsTo("calendar.create").length) controller.abort();
    }, 20);
    try {
      await run({ signal: controller.signal });
      expect(controller.signal.aborted).toBe(true);
    } finally {
      clearInterval(watcher);
    }
    expect(requestsTo("calendar.create").map((r) => r.status)).toEqual([201]);
    expect(requestsTo("calendar.delete").map((r) => r.status)).toEqual([204]);
    expect(leftovers()).toEqual([]);
  });

  it("are deleted when the first delete meets a passing outage", async () => {
    sim.control.addFault({ route: "calendar.delete", times: 1, effect: { type: "status", status: 503, retryAfterSeconds: 1 } });
    const report = await run();
    expect(check(report, "calendar.write").status).toBe("pass");
    expect(requestsTo("calendar.delete").map((r) => r.status)).toEqual([503, 204]);
    expect(leftovers()).toEqual([]);
  });
});

describe("a fresh setup", () => {
  const consentMissing = scenario("consent-missing");

  it("looks once more after a short wait, and reports the second look", async () => {
    const fixLater = setTimeout(() => void sim.control.fixScenario("consent-missing"), 100);
    const report = await runVerification(consentMissing.values, { endpoints: sim, logger, recheckAfterMs: 400 });
    clearTimeout(fixLater);
    expect(report.outcome).toBe("verified");
    expect(report.recheck).toEqual({ afterMs: 400, firstReasons: ["consent-missing"] });
    expect(check(report, "permissions").detail).toMatch(/first check.*had cleared/);
    expect(requestsTo("token")).toHaveLength(2);
  });

  it("says it looked twice when the answer stays the same", async () => {
    const report = await runVerification(consentMissing.values, { endpoints: sim, logger, recheckAfterMs: 200 });
    expect(check(report, "permissions")).toMatchObject({ status: "fail", reason: "consent-missing", detail: expect.stringMatching(/Checked twice/) });
    expect(report.recheck?.firstReasons).toEqual(["consent-missing"]);
  });

  it("does not look again without the option, nor for a reason no delay explains", async () => {
    expect((await runVerification(consentMissing.values, { endpoints: sim, logger })).recheck).toBeUndefined();
    expect((await runVerification(scenario("unknown-mailbox").values, { endpoints: sim, logger, recheckAfterMs: 200 })).recheck).toBeUndefined();
    expect(requestsTo("token")).toHaveLength(2);
  });
});
