import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { baseURL } from "../playwright.config";
import { approveFixture, createAttemptWithRun, createKeyFixture } from "./review-fixtures";
import { createBrokerageWithInvite, createStaff, lib, sessionCookie, type TestStaff } from "./staff-fixtures";

/**
 * Every staff page, route handler and server action, called over HTTP the way a browser
 * calls it, by every kind of visitor: each staff role, nobody, a brokerage administrator
 * (an invite's cookie session), a forged staff cookie, and a disabled account whose
 * session still exists. Allowed calls must work; all others must be refused (a sign-in
 * redirect or a 404) and leave the database exactly as it was.
 */

test.describe.configure({ mode: "serial" });

type Role = TestStaff["role"];
type Identity = { name: string; role?: Role; cookie?: string; staff?: TestStaff };
const ROLES: Role[] = ["onboarding", "csm", "admin"];

// The React reply encoder Next's own browser code uses to call a server action.
const { encodeReply } = createRequire(import.meta.url)("next/dist/compiled/react-server-dom-turbopack/client.node.js") as {
  encodeReply: (value: unknown) => Promise<FormData | string>;
};

type ManifestEntry = { workers: Record<string, unknown>; filename?: string; exportedName?: string };
const manifest = JSON.parse(readFileSync(path.join(process.cwd(), ".next/server/server-reference-manifest.json"), "utf8")).node as Record<string, ManifestEntry>;
const staffActions = Object.entries(manifest).filter(([, v]) => v.filename?.startsWith("app/(staff)/"));

function actionId(name: string) {
  const found = staffActions.find(([, v]) => v.exportedName === name);
  if (!found) throw new Error(`No server action ${name} in the build`);
  return found[0];
}

const identities: Identity[] = [];
const byRole = {} as Record<Role, Identity>;
let brokerageId = "";
let attemptId = "";
let runId = "";

test.beforeAll(async () => {
  const { db, users, createBrokerageSession, BROKERAGE_SESSION_COOKIE, drizzle } = await lib();
  for (const role of ROLES) {
    const staff = await createStaff(role);
    byRole[role] = { name: role, role, staff, cookie: await sessionCookie(staff) };
    identities.push(byRole[role]);
  }
  identities.push({ name: "anonymous" });
  const { brokerage, invite } = await createBrokerageWithInvite();
  brokerageId = brokerage.id;
  const submitted = await createAttemptWithRun({ brokerageId, status: "failed" });
  attemptId = submitted.attempt.id;
  runId = submitted.run.id;
  const session = await createBrokerageSession(db(), { brokerageId: brokerage.id, inviteId: invite.id });
  identities.push({ name: "brokerage session", cookie: `${BROKERAGE_SESSION_COOKIE}=${session.value}` });
  identities.push({ name: "forged staff cookie", cookie: "__Secure-staff.session_token=forged-token.forged-signature" });
  // An admin disabled a moment ago, whose session row survived: the guard must read the account, not trust the session.
  const disabled = await createStaff("admin");
  const disabledCookie = await sessionCookie(disabled);
  await db().update(users).set({ disabledAt: new Date() }).where(drizzle.eq(users.id, disabled.id));
  identities.push({ name: "disabled admin", cookie: disabledCookie });
});

test.afterAll(async () => (await lib()).closeDb());

/**
 * Everything a refused call could have touched, as one value to compare. Outgoing
 * messages are compared by what was written, not their delivery status, which the
 * background worker may move on meanwhile.
 */
async function fingerprint() {
  const { db, drizzle } = await lib();
  const tables: Record<string, string> = {
    brokerages: "x.*",
    invites: "x.*",
    users: "x.*",
    accounts: "x.id, x.user_id, x.provider_id, x.password",
    outgoing_messages: "x.id, x.kind, x.to_address, x.subject, x.brokerage_id",
    audit_events: "x.*",
    brokerage_sessions: "x.*",
    invite_reminders: "x.*",
    submission_attempts: "x.id, x.status, x.secret_key_id",
    credential_approvals: "x.*",
    change_requests: "x.*",
    notes: "x.*",
    api_keys: "x.id, x.name, x.revoked_at",
    webhook_deliveries: "x.id, x.event_type, x.brokerage_id, x.body",
  };
  const parts = Object.entries(tables).map(([t, cols]) => `(select md5(coalesce(string_agg(row(${cols})::text, '|' order by x.id::text), '')) from ${t} x)`);
  const rows = await db().execute<{ f: string }>(drizzle.sql.raw(`select concat_ws(',', ${parts.join(", ")}) as f`));
  return rows[0]!.f;
}

function isStaff(identity: Identity): identity is Identity & { role: Role } {
  return identity.role !== undefined;
}

const ROLE_HOME_PATTERN: Record<Role, RegExp> = { onboarding: /\/staff\/onboarding$/, csm: /\/staff\/submissions$/, admin: /\/staff$/ };

test.describe("pages and route handlers", () => {
  const pages: Array<{ path: () => string; roles: Role[]; kind?: "csv" | "json" | "redirect"; contains?: string }> = [
    { path: () => "/staff", roles: ["onboarding", "csm", "admin"] },
    { path: () => "/staff/start", roles: ["onboarding", "csm", "admin"], kind: "redirect" },
    { path: () => "/staff/onboarding", roles: ["onboarding", "admin"] },
    { path: () => "/staff/onboarding?stage=invited&q=realty", roles: ["onboarding", "admin"] },
    { path: () => "/staff/onboarding/brokerages/new", roles: ["onboarding", "admin"] },
    { path: () => `/staff/onboarding/brokerages/${brokerageId}`, roles: ["onboarding", "admin"] },
    { path: () => `/staff/onboarding/brokerages/${brokerageId}/edit`, roles: ["onboarding", "admin"] },
    { path: () => `/staff/onboarding/brokerages/${brokerageId}/invites/new`, roles: ["onboarding", "admin"] },
    { path: () => "/staff/onboarding/import", roles: ["onboarding", "admin"] },
    { path: () => "/staff/onboarding/import/template", roles: ["onboarding", "admin"], kind: "csv" },
    { path: () => "/staff/outbox", roles: ["onboarding", "csm", "admin"] },
    { path: () => "/staff/reports", roles: ["onboarding", "csm", "admin"] },
    { path: () => "/staff/admin", roles: ["admin"] },
    { path: () => "/staff/admin/new", roles: ["admin"] },
    { path: () => "/staff/submissions", roles: ["csm", "admin"] },
    { path: () => "/staff/submissions?queue=failing&csm=unassigned&stage=failed&q=realty", roles: ["csm", "admin"] },
    { path: () => `/staff/submissions/${attemptId}`, roles: ["csm", "admin"] },
    { path: () => `/staff/submissions/${attemptId}/runs/${runId}/report`, roles: ["csm", "admin"], kind: "json" },
    { path: () => "/staff/expiry?within=90", roles: ["csm", "admin"] },
    { path: () => "/staff/audit?action=attempt.&actor=staff", roles: ["admin"] },
    { path: () => "/staff/admin/api-keys", roles: ["admin"] },
    { path: () => `/staff/readiness/${brokerageId}`, roles: ["onboarding", "csm", "admin"] },
    { path: () => `/staff/readiness/${brokerageId}/export?status=not-ready`, roles: ["onboarding", "csm", "admin"], kind: "csv", contains: "address,status,reason" },
    { path: () => `/staff/readiness/${brokerageId}/progress`, roles: ["onboarding", "csm", "admin"], kind: "json", contains: "null" },
  ];

  test("the list covers every staff page and route in the build", () => {
    const built = Object.keys(JSON.parse(readFileSync(path.join(process.cwd(), ".next/server/app-paths-manifest.json"), "utf8")) as Record<string, string>)
      .filter((p) => p.startsWith("/(staff)/"))
      .map((p) => p.replace("/(staff)", "").replace(/\/(page|route)$/, "") || "/")
      .filter((p) => !p.startsWith("/staff/sign-in"));
    const covered = pages.map((p) => p.path().split("?")[0]!.replace(brokerageId, "[id]").replace(attemptId, "[attempt]").replace(runId, "[run]"));
    expect(new Set(covered)).toEqual(new Set(built));
  });

  test("each is served to the roles allowed, and refused to everyone else", async () => {
    const before = await fingerprint();
    for (const page of pages) {
      for (const identity of identities) {
        const response = await fetch(`${baseURL}${page.path()}`, { redirect: "manual", headers: identity.cookie ? { cookie: identity.cookie } : {} });
        const label = `${identity.name} GET ${page.path()}`;
        if (isStaff(identity) && page.roles.includes(identity.role) && page.kind === "redirect") {
          // Where sign-in lands: on to the role's main page.
          expect(response.status, label).toBe(307);
          expect(response.headers.get("location"), label).toMatch(ROLE_HOME_PATTERN[identity.role]);
        } else if (isStaff(identity) && page.roles.includes(identity.role)) {
          expect(response.status, label).toBe(200);
          const body = await response.text();
          if (page.kind === "csv") expect(body, label).toContain(page.contains ?? "brokerage name,email domain,recipient email");
          else if (page.kind === "json") expect(body, label).toContain(page.contains ?? '"kind": "verification-run"');
          else expect(body, label).toMatch(/<h1[^>]*>/);
        } else if (isStaff(identity)) {
          expect(response.status, label).toBe(404);
          expect(await response.text(), label).not.toContain("E2E Realty");
        } else {
          expect([303, 307], label).toContain(response.status);
          expect(response.headers.get("location"), label).toMatch(/\/staff\/sign-in/);
        }
      }
    }
    expect(await fingerprint()).toBe(before);
  });

  test("no staff page holds a usable invite link, for any role, as HTML or as an RSC payload", async () => {
    const { inAuditedTransaction, issueInvite } = await lib();
    // Links emailed and not: their messages sit in the outbox.
    const tokens: string[] = [];
    for (const sendEmail of [true, false]) {
      const issued = await inAuditedTransaction({ type: "system", id: "e2e" }, null, (change) =>
        issueInvite(change, { brokerageId, recipientEmail: `scan-${sendEmail}@harbor.example`, recipientName: null, days: 14, sendEmail }),
      );
      tokens.push(issued.url.split("/invite/")[1]!);
    }
    for (const page of pages) {
      for (const identity of identities.filter((i): i is Identity & { role: Role } => isStaff(i) && page.roles.includes(i.role))) {
        for (const rsc of [false, true]) {
          const response = await fetch(`${baseURL}${page.path()}`, { headers: { cookie: identity.cookie!, ...(rsc ? { RSC: "1" } : {}) } });
          const body = await response.text();
          const label = `${identity.name} GET ${page.path()}${rsc ? " (RSC)" : ""}`;
          expect(response.status, label).toBe(200);
          for (const token of tokens) expect(body, label).not.toContain(token);
          expect(body, label).not.toMatch(/\/invite\/[A-Za-z0-9_-]{43}/);
        }
      }
    }
  });

  test("the sign-in page is open to all, and sends someone already signed in onwards", async () => {
    for (const identity of identities) {
      const response = await fetch(`${baseURL}/staff/sign-in`, { redirect: "manual", headers: identity.cookie ? { cookie: identity.cookie } : {} });
      if (isStaff(identity)) {
        expect(response.status, identity.name).toBe(307);
        expect(response.headers.get("location"), identity.name).toMatch(/\/staff\/start$/);
      } else {
        expect(response.status, identity.name).toBe(200);
      }
    }
  });
});

type ActionCase = {
  name: string;
  roles: Role[];
  /** Fresh valid input for one call (targets are made anew each time). */
  input: () => Promise<Record<string, string | File>>;
  /** Whether the call's change happened, for the input it was given. */
  changed: (input: Record<string, string | File>) => Promise<boolean>;
  /** Waits for work an allowed call queued, so it cannot change the database during the next refusal. */
  settled?: (input: Record<string, string | File>) => Promise<void>;
};

test.describe("server actions", () => {
  let n = 0;
  const unique = () => `${Date.now().toString(36)}${(n++).toString(36)}`;

  async function freshInvite() {
    const { invite } = await createBrokerageWithInvite();
    return invite;
  }

  const cases: ActionCase[] = [
    {
      name: "createBrokerageAction",
      roles: ["onboarding", "admin"],
      input: async () => ({ name: `Authz Realty ${unique()}`, emailDomain: `authz-${unique()}.example`, csmId: "none" }),
      changed: async (input) => {
        const { db, brokerages, drizzle } = await lib();
        return (await db().$count(brokerages, drizzle.eq(brokerages.name, String(input.name)))) === 1;
      },
    },
    {
      name: "updateBrokerageAction",
      roles: ["onboarding", "admin"],
      input: async () => ({ brokerageId: (await createBrokerageWithInvite()).brokerage.id, name: `Renamed Realty ${unique()}`, emailDomain: `renamed-${unique()}.example`, csmId: "none" }),
      changed: async (input) => {
        const { db, brokerages, drizzle } = await lib();
        const [row] = await db().select().from(brokerages).where(drizzle.eq(brokerages.id, String(input.brokerageId)));
        return row?.name === input.name;
      },
    },
    {
      name: "createInviteAction",
      roles: ["onboarding", "admin"],
      input: async () => ({ brokerageId: (await createBrokerageWithInvite()).brokerage.id, recipientEmail: `new-${unique()}@authz.example`, recipientName: "", days: "7" }),
      changed: async (input) => {
        const { db, invites, drizzle } = await lib();
        return (await db().$count(invites, drizzle.eq(invites.recipientEmail, String(input.recipientEmail)))) === 1;
      },
    },
    {
      name: "resendInviteAction",
      roles: ["onboarding", "admin"],
      input: async () => ({ inviteId: (await freshInvite()).id, days: "14" }),
      changed: async (input) => {
        const { db, invites, drizzle } = await lib();
        const [old] = await db().select().from(invites).where(drizzle.eq(invites.id, String(input.inviteId)));
        return Boolean(old?.revokedAt) && (await db().$count(invites, drizzle.eq(invites.brokerageId, old!.brokerageId))) === 2;
      },
    },
    {
      name: "revokeInviteAction",
      roles: ["onboarding", "admin"],
      input: async () => ({ inviteId: (await freshInvite()).id }),
      changed: async (input) => {
        const { db, invites, drizzle } = await lib();
        const [row] = await db().select().from(invites).where(drizzle.eq(invites.id, String(input.inviteId)));
        return Boolean(row?.revokedAt);
      },
    },
    {
      name: "importBrokeragesAction",
      roles: ["onboarding", "admin"],
      input: async () => {
        const name = `Imported Realty ${unique()}`;
        return { file: new File([`brokerage name,email domain,recipient email\n${name},imported-${unique()}.example,it@imported.example\n`], "brokerages.csv", { type: "text/csv" }), days: "14", marker: name };
      },
      changed: async (input) => {
        const { db, brokerages, drizzle } = await lib();
        return (await db().$count(brokerages, drizzle.eq(brokerages.name, String(input.marker)))) === 1;
      },
    },
    {
      name: "createStaffAccountAction",
      roles: ["admin"],
      input: async () => ({ name: "New Colleague", email: `colleague-${unique()}@e2e.example`, role: "csm", password: "a strong new password" }),
      changed: async (input) => {
        const { db, users, drizzle } = await lib();
        return (await db().$count(users, drizzle.eq(users.email, String(input.email)))) === 1;
      },
    },
    {
      name: "changeStaffRoleAction",
      roles: ["admin"],
      input: async () => ({ userId: (await createStaff("csm")).id, role: "onboarding" }),
      changed: async (input) => {
        const { db, users, drizzle } = await lib();
        const [row] = await db().select().from(users).where(drizzle.eq(users.id, String(input.userId)));
        return row?.role === "onboarding";
      },
    },
    {
      name: "setStaffDisabledAction",
      roles: ["admin"],
      input: async () => ({ userId: (await createStaff("onboarding")).id, disabled: "yes" }),
      changed: async (input) => {
        const { db, users, drizzle } = await lib();
        const [row] = await db().select().from(users).where(drizzle.eq(users.id, String(input.userId)));
        return Boolean(row?.disabledAt);
      },
    },
    {
      name: "approveAction",
      roles: ["csm", "admin"],
      // Fixture brokerages have made-up domains, so the approval carries the reason a mismatch needs.
      input: async () => ({
        attemptId: (await createAttemptWithRun({ brokerageId: (await createBrokerageWithInvite()).brokerage.id, status: "verified" })).attempt.id,
        mismatchReason: "Checked with the brokerage",
      }),
      changed: async (input) => {
        const { db, credentialApprovals, drizzle } = await lib();
        return (await db().$count(credentialApprovals, drizzle.eq(credentialApprovals.attemptId, String(input.attemptId)))) === 1;
      },
    },
    {
      name: "rerunAction",
      roles: ["csm", "admin"],
      // Sealed for another attempt: the queued run cannot open it and ends inconclusive without asking Microsoft.
      input: async () => ({ attemptId: (await createAttemptWithRun({ brokerageId: (await createBrokerageWithInvite()).brokerage.id, status: "failed", sealedFor: unique() })).attempt.id }),
      changed: async (input) => {
        const { db, auditEvents, drizzle } = await lib();
        return (await db().$count(auditEvents, drizzle.and(drizzle.eq(auditEvents.subjectId, String(input.attemptId)), drizzle.eq(auditEvents.action, "attempt.rerun-requested")))) === 1;
      },
      settled: async (input) => {
        // The run is settled last: the attempt turns inconclusive, audited in the same transaction.
        const { db, auditEvents, drizzle } = await lib();
        const settledEvents = () =>
          db().$count(auditEvents, drizzle.and(drizzle.eq(auditEvents.subjectId, String(input.attemptId)), drizzle.eq(auditEvents.action, "attempt.inconclusive")));
        await expect.poll(settledEvents, { timeout: 20_000 }).toBe(1);
      },
    },
    {
      name: "requestChangesAction",
      roles: ["csm", "admin"],
      input: async () => ({ attemptId: (await createAttemptWithRun({ brokerageId: (await createBrokerageWithInvite()).brokerage.id, status: "failed" })).attempt.id, "fix-permissions": "yes", message: "" }),
      changed: async (input) => {
        const { db, changeRequests, drizzle } = await lib();
        return (await db().$count(changeRequests, drizzle.eq(changeRequests.attemptId, String(input.attemptId)))) === 1;
      },
    },
    {
      name: "addNoteAction",
      roles: ["csm", "admin"],
      input: async () => ({ attemptId, body: `Authz note ${unique()}` }),
      changed: async (input) => {
        const { db, notes, drizzle } = await lib();
        return (await db().$count(notes, drizzle.eq(notes.body, String(input.body)))) === 1;
      },
    },
    {
      name: "revokeAction",
      roles: ["csm", "admin"],
      input: async () => {
        const { attempt } = await createAttemptWithRun({ brokerageId: (await createBrokerageWithInvite()).brokerage.id, status: "verified" });
        await approveFixture(attempt.id, byRole.csm.staff!.id);
        return { attemptId: attempt.id, reason: "Authorization test" };
      },
      changed: async (input) => {
        const { db, credentialApprovals, drizzle } = await lib();
        const [row] = await db().select().from(credentialApprovals).where(drizzle.eq(credentialApprovals.attemptId, String(input.attemptId)));
        return row?.endReason === "revoked";
      },
    },
    {
      name: "replaceAgentsAction",
      roles: ["onboarding", "csm", "admin"],
      // No verified credential: the list is stored and no check is queued.
      input: async () => ({ brokerageId: (await createBrokerageWithInvite()).brokerage.id, agents: `agent-${unique()}@authz.example` }),
      changed: async (input) => {
        const { db, brokerageAgents, drizzle } = await lib();
        return (await db().$count(brokerageAgents, drizzle.eq(brokerageAgents.brokerageId, String(input.brokerageId)))) === 1;
      },
    },
    {
      name: "recheckAgentsAction",
      roles: ["onboarding", "csm", "admin"],
      // Sealed for another attempt: the queued check cannot open the credential and fails without asking Microsoft.
      input: async () => {
        const brokerageId = (await createBrokerageWithInvite()).brokerage.id;
        await createAttemptWithRun({ brokerageId, status: "verified", sealedFor: unique() });
        return { brokerageId, scope: "all" };
      },
      changed: async (input) => {
        const { db, readinessRuns, drizzle } = await lib();
        return (await db().$count(readinessRuns, drizzle.eq(readinessRuns.brokerageId, String(input.brokerageId)))) === 1;
      },
      settled: async (input) => {
        const { db, readinessRuns, drizzle } = await lib();
        const failed = () => db().$count(readinessRuns, drizzle.and(drizzle.eq(readinessRuns.brokerageId, String(input.brokerageId)), drizzle.eq(readinessRuns.status, "failed")));
        await expect.poll(failed, { timeout: 20_000 }).toBe(1);
      },
    },
    {
      name: "createApiKeyAction",
      roles: ["admin"],
      input: async () => ({ name: `Authz key ${unique()}`, scope: "brokerages:read" }),
      changed: async (input) => {
        const { db, apiKeys, drizzle } = await lib();
        return (await db().$count(apiKeys, drizzle.eq(apiKeys.name, String(input.name)))) === 1;
      },
    },
    {
      name: "remindNowAction",
      roles: ["csm", "admin"],
      input: async () => {
        const soon = new Date(Date.now() + 20 * 86_400_000).toISOString().slice(0, 10);
        const { attempt } = await createAttemptWithRun({ brokerageId: (await createBrokerageWithInvite()).brokerage.id, status: "verified", secretExpiresOn: soon });
        await approveFixture(attempt.id, byRole.csm.staff!.id);
        return { attemptId: attempt.id };
      },
      changed: async (input) => {
        const { db, outgoingMessages, submissionAttempts, drizzle } = await lib();
        const [attempt] = await db().select().from(submissionAttempts).where(drizzle.eq(submissionAttempts.id, String(input.attemptId)));
        return (await db().$count(outgoingMessages, drizzle.and(drizzle.eq(outgoingMessages.brokerageId, attempt!.brokerageId), drizzle.eq(outgoingMessages.kind, "secret-expiry-reminder")))) === 1;
      },
    },
    {
      name: "redeliverWebhookAction",
      roles: ["admin"],
      input: async () => {
        const { db, webhookDeliveries } = await lib();
        const id = `msg_authz${unique()}`;
        await db().insert(webhookDeliveries).values({ id, eventType: "webhook.test", body: "{}", status: "failed", attempts: 8 });
        return { deliveryId: id };
      },
      changed: async (input) => {
        const { db, auditEvents, drizzle } = await lib();
        return (await db().$count(auditEvents, drizzle.and(drizzle.eq(auditEvents.subjectId, String(input.deliveryId)), drizzle.eq(auditEvents.action, "webhook.redelivered")))) === 1;
      },
    },
    {
      name: "sendTestWebhookAction",
      roles: ["admin"],
      input: async () => ({ since: new Date().toISOString() }),
      changed: async (input) => {
        const { db, webhookDeliveries, drizzle } = await lib();
        return (await db().$count(webhookDeliveries, drizzle.and(drizzle.eq(webhookDeliveries.eventType, "webhook.test"), drizzle.gte(webhookDeliveries.createdAt, new Date(String(input.since)))))) === 1;
      },
    },
    {
      name: "revokeApiKeyAction",
      roles: ["admin"],
      input: async () => ({ keyId: (await createKeyFixture(byRole.admin.staff!.id, `Authz revoke ${unique()}`)).id }),
      changed: async (input) => {
        const { db, apiKeys, drizzle } = await lib();
        const [row] = await db().select().from(apiKeys).where(drizzle.eq(apiKeys.id, String(input.keyId)));
        return Boolean(row?.revokedAt);
      },
    },
  ];

  async function callAction(name: string, input: Record<string, string | File>, cookie: string | undefined, ip: string) {
    const form = new FormData();
    for (const [key, value] of Object.entries(input)) if (key !== "marker") form.set(key, value);
    const [id, entry] = [actionId(name), manifest[actionId(name)]!];
    // Posted to a page that carries the action, as the browser does; the id picks the function.
    const page = Object.keys(entry.workers)[0]!.replace("app/(staff)", "").replace(/\/page$/, "").replace("[id]", brokerageId).replace("[attempt]", attemptId);
    return fetch(`${baseURL}${page}`, {
      method: "POST",
      redirect: "manual",
      headers: { "Next-Action": id, Origin: baseURL, Accept: "text/x-component", "x-forwarded-for": ip, ...(cookie ? { cookie } : {}) },
      body: await encodeReply([{ status: "idle" }, form]),
    });
  }

  test("the list covers every staff server action in the build", () => {
    const built = staffActions.map(([, v]) => v.exportedName).filter((n) => n !== "signInAction" && n !== "signOutAction");
    expect(new Set(built)).toEqual(new Set(cases.map((c) => c.name)));
  });

  for (const action of cases) {
    test(`${action.name}: allowed for ${action.roles.join(" and ")} only, refused for everyone else with nothing changed`, async () => {
      const { db, auditEvents, drizzle } = await lib();
      for (const identity of identities) {
        const input = await action.input();
        const allowed = isStaff(identity) && action.roles.includes(identity.role);
        const before = await fingerprint();
        const ip = `198.51.100.${1 + (n % 250)}`;
        const response = await callAction(action.name, input, identity.cookie, ip);
        const label = `${action.name} by ${identity.name}`;
        const signInRedirect = response.headers.get("x-action-redirect")?.startsWith("/staff/sign-in") ?? false;
        const body = await response.text();
        if (allowed) {
          expect(response.status, label).toBe(200);
          expect(signInRedirect, label).toBe(false);
          expect(body, label).not.toContain('"status":"invalid"');
          expect(await action.changed(input), label).toBe(true);
          // The newest event a person caused: a run the action queued may already have written its own, as the system.
          const [event] = await db().select().from(auditEvents).where(drizzle.ne(auditEvents.actorType, "system")).orderBy(drizzle.desc(auditEvents.id)).limit(1);
          expect(event, label).toMatchObject({ actorType: "staff", actorId: identity.staff!.id, ip });
          await action.settled?.(input);
        } else {
          if (isStaff(identity)) expect(response.status, label).toBe(404);
          else expect(signInRedirect, `${label}: ${response.status}`).toBe(true);
          expect(await action.changed(input), label).toBe(false);
          expect(await fingerprint(), label).toBe(before);
        }
      }
    });
  }

  test("signOutAction ends only a staff session, and only its own", async () => {
    const { db, sessions, drizzle } = await lib();
    const staff = await createStaff("csm");
    const cookie = await sessionCookie(staff);
    const other = await sessionCookie(staff);
    const id = actionId("signOutAction");
    const call = (c?: string) =>
      fetch(`${baseURL}/staff`, { method: "POST", redirect: "manual", headers: { "Next-Action": id, Origin: baseURL, Accept: "text/x-component", ...(c ? { cookie: c } : {}) }, body: "[]" });
    for (const identity of identities.filter((i) => !isStaff(i) && i.name !== "disabled admin")) {
      const before = await fingerprint();
      const response = await call(identity.cookie);
      expect(response.headers.get("x-action-redirect"), identity.name).toMatch(/^\/staff\/sign-in/);
      expect(await fingerprint(), identity.name).toBe(before);
    }
    // A disabled account may still end the session it had: that removes access, it grants none.
    const disabled = identities.find((i) => i.name === "disabled admin")!;
    expect((await call(disabled.cookie)).headers.get("x-action-redirect")).toMatch(/^\/staff\/sign-in/);
    expect(await db().$count(sessions, drizzle.eq(sessions.userId, staff.id))).toBe(2);
    await call(cookie);
    expect(await db().$count(sessions, drizzle.eq(sessions.userId, staff.id))).toBe(1);
    expect((await fetch(`${baseURL}/staff`, { redirect: "manual", headers: { cookie: other } })).status).toBe(200);
    expect((await fetch(`${baseURL}/staff`, { redirect: "manual", headers: { cookie } })).status).toBe(307);
  });
});
