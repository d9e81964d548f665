import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { runVerification } from "@/lib/verification/run";
import { CHECK_IDS, type VerificationReport } from "@/lib/verification/types";
import { criticalPathRoundTrips } from "@/sim/round-trips";
import { AGENTS_GROUP, agentRoleAssignments, APPS, MAILBOXES, scenario, type ScenarioKey } from "@/sim/scenarios";
import type { RunningSimulator } from "@/sim/server";
import { captureLogs, startTestSimulator } from "../support/simulator";

/**
 * Exchange RBAC for Applications through the real MSAL and Graph clients over HTTPS:
 * tokens without roles that Exchange still lets into in-scope mailboxes, the probe of a
 * mailbox outside the scope, and the refusals told apart as far as Exchange's answers allow.
 */

let sim: RunningSimulator;
const logs = captureLogs();

beforeAll(async () => {
  sim = await startTestSimulator();
});
afterAll(async () => {
  await sim?.stop();
});
beforeEach(() => sim.control.reset());

const verify = (key: ScenarioKey, overrides: object = {}) => runVerification({ ...scenario(key).values, ...overrides }, { endpoints: sim, logger: logs.logger });
const check = (report: VerificationReport, id: (typeof CHECK_IDS)[number]) => report.checks.find((c) => c.id === id)!;
const statuses = (report: VerificationReport) => Object.fromEntries(report.checks.map((c) => [c.id, c.reason ? `${c.status} ${c.reason}` : c.status]));

describe("the RBAC scenario matrix", () => {
  it("RBAC only, test mailbox in scope: verified, permissions naming the three Exchange roles it proved", async () => {
    const report = await verify("rbac-in-scope");
    expect(report.outcome).toBe("verified");
    expect(statuses(report)).toMatchObject({
      token: "pass",
      permissions: "pass",
      "calendar.read": "pass",
      "calendar.write": "pass",
      "contacts.read": "pass",
      "contacts.write": "pass",
      "mail.send": "pass",
      "scope.outside": "skipped",
    });
    const permissions = check(report, "permissions");
    expect(permissions.data).toMatchObject({
      via: "exchange-rbac",
      proven: ["Application Calendars.ReadWrite", "Application Contacts.ReadWrite", "Application Mail.Send"],
    });
    expect(permissions.detail).toMatch(/Exchange RBAC for Applications/);
    expect(sim.control.mailbox(MAILBOXES.agent).sentMessages).toHaveLength(1);
  });

  it("a mailbox outside the group is refused: scope.outside passes, read-only", async () => {
    const report = await verify("rbac-outside-refused");
    expect(report.outcome).toBe("verified");
    expect(check(report, "scope.outside")).toMatchObject({ status: "pass", data: { outsideMailbox: MAILBOXES.frontDesk, refusedWith: "ErrorAccessDenied" } });
    const probes = sim.control.requests().filter((r) => r.mailbox === MAILBOXES.frontDesk);
    expect(probes.map((r) => [r.method, r.route, r.status])).toEqual([["GET", "calendar.list", 403]]);
    expect(sim.control.mailbox(MAILBOXES.frontDesk).created).toEqual([]);
  });

  it("the outside mailbox readable while the tenant-wide consent stays: warn scope-not-enforced with the fix", async () => {
    const report = await verify("rbac-outside-readable");
    expect(report.outcome).toBe("verified");
    expect(check(report, "scope.outside")).toMatchObject({
      status: "warn",
      reason: "scope-not-enforced",
      guideAnchor: "limit-mailbox-access",
      data: { outsideMailbox: MAILBOXES.frontDesk, graphRolesPresent: true },
    });
    expect(check(report, "scope.outside").detail).toMatch(/remove the tenant-wide consent/);
    // The scope has no effect until the consent is removed.
    expect(check(report, "permissions")).toMatchObject({ status: "warn", reason: "scope-not-enforced", guideAnchor: "limit-mailbox-access" });

    sim.control.removeGraphConsent(APPS.rbacConsented.clientId);
    const again = await verify("rbac-outside-readable");
    expect(again.outcome).toBe("verified");
    expect(statuses(again)).toMatchObject({ permissions: "pass", "scope.outside": "pass", "calendar.write": "pass", "mail.send": "pass" });
  });

  it("a scope wider than the group: readable without Graph roles names the scope, not the consent", async () => {
    sim.control.removeGraphConsent(APPS.rbacConsented.clientId);
    for (const a of agentRoleAssignments(APPS.rbacConsented)) sim.control.removeRoleAssignment(a.name);
    sim.control.addRoleAssignment({ clientId: APPS.rbacConsented.clientId, role: "Application Calendars.ReadWrite" });
    const report = await verify("rbac-outside-readable");
    expect(check(report, "scope.outside")).toMatchObject({ status: "warn", reason: "scope-not-enforced", data: { graphRolesPresent: false } });
    expect(check(report, "scope.outside").detail).toMatch(/RBAC for Applications assignment covers this mailbox/);
  });

  it("Graph consent removed but no role assignment: consent-missing with advice for both ways", async () => {
    const report = await verify("rbac-assignment-missing");
    expect(report.outcome).toBe("failed");
    const permissions = check(report, "permissions");
    expect(permissions).toMatchObject({ status: "fail", reason: "consent-missing", guideAnchor: "limit-mailbox-access", microsoft: { code: "NoPermissionsInAccessToken" } });
    expect(permissions.detail).toMatch(/no RBAC for Applications role assignment/);
    expect(permissions.detail).toMatch(/grant admin consent/);
    expect(permissions.detail).toMatch(/30 minutes to 2 hours/);
    for (const id of ["calendar.read", "contacts.read", "mail.send"] as const) {
      expect(check(report, id)).toMatchObject({ status: "skipped", data: { blockedBy: "permissions", refused: "consent-missing" } });
    }
    expect(sim.control.mailbox(MAILBOXES.agent).events).toEqual([]);

    await fetch(`${sim.url}/_sim/scenarios/rbac-assignment-missing/fix`, { method: "POST" });
    expect((await verify("rbac-assignment-missing")).outcome).toBe("verified");
  });

  it("an assignment exists but the test mailbox is outside its scope: access-policy-denied", async () => {
    const report = await verify("rbac-mailbox-outside-scope");
    expect(report.outcome).toBe("failed");
    expect(check(report, "permissions")).toMatchObject({ status: "fail", reason: "access-policy-denied", guideAnchor: "limit-mailbox-access", microsoft: { code: "ErrorAccessDenied" } });
    expect(check(report, "permissions").detail).toMatch(/management scope leaves this mailbox out/);

    await fetch(`${sim.url}/_sim/scenarios/rbac-mailbox-outside-scope/fix`, { method: "POST" });
    expect(sim.control.exchange().groups.find((g) => g.address === AGENTS_GROUP.address)?.members).toContain(MAILBOXES.frontDesk);
    expect((await verify("rbac-mailbox-outside-scope")).outcome).toBe("verified");
  });

  it("Graph roles still present with RBAC chosen: the scope has no effect until the consent is removed", async () => {
    const report = await verify("rbac-roles-present");
    expect(report.outcome).toBe("verified");
    const permissions = check(report, "permissions");
    expect(permissions).toMatchObject({ status: "warn", reason: "scope-not-enforced", guideAnchor: "limit-mailbox-access" });
    expect(permissions.detail).toMatch(/no effect until that consent is removed/);
    // The same app with the whole organisation chosen: nothing to warn about.
    expect(check(await verify("rbac-roles-present", { accessScope: "organization" }), "permissions").status).toBe("pass");
  });

  it("only some roles assigned: permission-missing names the Exchange role to add", async () => {
    sim.control.removeRoleAssignment(agentRoleAssignments(APPS.rbac).find((a) => a.role === "Application Mail.Send")!.name);
    const report = await verify("rbac-in-scope");
    expect(report.outcome).toBe("failed");
    expect(check(report, "permissions")).toMatchObject({ status: "fail", reason: "permission-missing", guideAnchor: "limit-mailbox-access", data: { missing: ["Mail.Send"] } });
    expect(check(report, "permissions").detail).toMatch(/refused Application Mail\.Send/);
    expect(check(report, "mail.send")).toMatchObject({ status: "skipped", data: { refused: "access-policy-denied" } });
  });

  it("a new assignment waits for Exchange's cache: refused until the delay is over, and the report says so", async () => {
    sim.control.setRbacCacheDelay(60_000);
    await fetch(`${sim.url}/_sim/scenarios/rbac-assignment-missing/fix`, { method: "POST" });
    const report = await verify("rbac-assignment-missing");
    expect(check(report, "permissions")).toMatchObject({ status: "fail", reason: "consent-missing" });
    expect(check(report, "permissions").detail).toMatch(/caches RBAC for Applications changes for 30 minutes to 2 hours/);
    sim.control.setRbacCacheDelay(0);
    expect((await verify("rbac-assignment-missing")).outcome).toBe("verified");
  });

  it("within two hours of the setup an RBAC refusal is inconclusive, to be checked again, not a failure", async () => {
    const report = await runVerification(scenario("rbac-assignment-missing").values, {
      endpoints: sim,
      logger: logs.logger,
      rbacSettlesAt: new Date(Date.now() + 3_600_000),
    });
    expect(report.outcome).toBe("inconclusive");
    expect(check(report, "permissions")).toMatchObject({ status: "error", reason: "consent-missing", data: { rbacSettling: true } });
    expect(check(report, "permissions").detail).toMatch(/checked again automatically/);
    // Once the two hours are over, the same refusal is the administrator's to fix.
    const later = await runVerification(scenario("rbac-assignment-missing").values, { endpoints: sim, logger: logs.logger, rbacSettlesAt: new Date(Date.now() - 1000) });
    expect(later.outcome).toBe("failed");
  });

  it("no roles keeps the three round trips, the outside probe included", async () => {
    // With latency on every answer, requests that go out together overlap whatever the scheduling.
    sim.control.setLatency(50);
    sim.control.clearRequests();
    expect((await verify("rbac-outside-refused")).outcome).toBe("verified");
    expect(criticalPathRoundTrips(sim.control.requests())).toBeLessThanOrEqual(3);
    expect(sim.control.maxConcurrentRequests(MAILBOXES.agent)).toBeLessThanOrEqual(4);
  });
});

describe("the control API over HTTP", () => {
  it("removes the tenant-wide consent and adds and removes role assignments", async () => {
    const base = `${sim.url}/_sim`;
    expect((await fetch(`${base}/apps/${APPS.rbacConsented.clientId}/consent`, { method: "DELETE" })).status).toBe(204);
    const added = await fetch(`${base}/exchange/assignments`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ clientId: APPS.rbacUnassigned.clientId, role: "Application Mail.Send", scope: AGENTS_GROUP.scope, name: "Unassigned Mail.Send" }),
    });
    expect(added.status).toBe(201);
    expect((await fetch(`${base}/exchange/assignments`, { method: "POST", body: JSON.stringify({ clientId: APPS.sync.clientId, role: "Application Mail.Send" }) })).status).toBe(404);
    expect((await fetch(`${base}/exchange/assignments/${encodeURIComponent("Unassigned Mail.Send")}`, { method: "DELETE" })).status).toBe(204);
    expect((await fetch(`${base}/exchange/cache-delay`, { method: "PUT", body: JSON.stringify({ ms: 1000 }) })).status).toBe(204);
    const exchange = (await (await fetch(`${base}/exchange`)).json()) as { cacheDelayMs: number; assignments: Array<{ name: string }> };
    expect(exchange.cacheDelayMs).toBe(1000);
    expect(exchange.assignments.map((a) => a.name)).not.toContain("Unassigned Mail.Send");
  });
});
