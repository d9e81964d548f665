import { and, eq, like } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as startMicrosoftRoute } from "@/app/(staff)/staff/sign-in/microsoft/route";
import { auth, resetAuth } from "@/lib/auth/auth";
import { inAuditedTransaction } from "@/lib/audit/change";
import { SIGN_IN_MAX_FAILURES_PER_ACCOUNT, SIGN_IN_MAX_PER_ADDRESS } from "@/lib/auth/sign-in-limits";
import { listStaffAccounts, setStaffDisabled } from "@/lib/auth/staff-accounts";
import { authorizeStaff } from "@/lib/auth/staff-session";
import { db } from "@/lib/db/client";
import { auditEvents, rateLimits, sessions, users } from "@/lib/db/schema";
import { parseEnv, resetEnvCache } from "@/lib/env";
import { createStaff, postSignIn, sessionCookie, TEST_PASSWORD } from "../support/staff";

beforeAll(() => {
  process.env.BETTER_AUTH_SECRET = "integration-test-secret-that-is-long-enough";
  resetEnvCache();
  resetAuth();
});

const withCookie = (cookie: string) => new Headers({ cookie });

describe("staff sign-in with email and password", () => {
  it("opens a session that carries the account's role, and records who signed in from where", async () => {
    const staff = await createStaff("onboarding");
    const response = await postSignIn(staff.email.toUpperCase(), TEST_PASSWORD, "198.51.100.7");
    expect(response.status).toBe(200);
    const setCookie = response.headers.getSetCookie().join("\n");
    expect(setCookie).toMatch(/__Secure-staff\.session_token=/);
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    const body = JSON.stringify(await response.json());
    expect(body).not.toContain("password");

    const cookie = response.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
    const result = await authorizeStaff(withCookie(cookie), ["onboarding"]);
    expect(result).toEqual({ ok: true, staff: { id: staff.id, name: staff.name, email: staff.email, role: "onboarding" } });
    expect(await authorizeStaff(withCookie(cookie), ["admin"])).toMatchObject({ ok: false, reason: "forbidden" });

    const [event] = await db()
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "staff.signed_in"), eq(auditEvents.actorId, staff.id)));
    expect(event).toMatchObject({ actorType: "staff", ip: "198.51.100.7", userAgent: "integration-test" });

    // A working day at most, and the administrator sees when they last signed in.
    const [session] = await db().select().from(sessions).where(eq(sessions.userId, staff.id));
    expect(session!.expiresAt.getTime() - session!.createdAt.getTime()).toBeLessThanOrEqual(12 * 3600_000 + 1000);
    const listed = (await listStaffAccounts(db())).find((a) => a.id === staff.id);
    expect(listed?.lastSignInAt?.getTime()).toBe(session!.createdAt.getTime());
  });

  it("refuses a wrong password and an unknown email with the same answer", async () => {
    const staff = await createStaff("csm");
    const wrong = await postSignIn(staff.email, "not the password at all");
    const unknown = await postSignIn("nobody@staff.example", "not the password at all");
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect((await wrong.json()).message).toBe((await unknown.json()).message);
  });

  it("stores passwords as scrypt hashes, never in clear", async () => {
    const staff = await createStaff("admin");
    const rows = await db().execute<{ password: string }>(
      `select a.password from accounts a join users u on u.id = a.user_id where u.email = '${staff.email}'` as never,
    );
    expect(rows[0]?.password).toMatch(/^[0-9a-f]+:[0-9a-f]+$/);
    expect(rows[0]?.password).not.toContain(TEST_PASSWORD);
  });

  it("refuses a disabled account even with the right password, and disabling ends its sessions", async () => {
    const admin = await createStaff("admin");
    const staff = await createStaff("onboarding");
    const cookie = await sessionCookie(staff.email);
    expect((await authorizeStaff(withCookie(cookie), ["onboarding"])).ok).toBe(true);

    await inAuditedTransaction({ type: "staff", id: admin.id }, null, (change) => setStaffDisabled(change, staff.id, true));

    expect(await authorizeStaff(withCookie(cookie), ["onboarding"])).toEqual({ ok: false, reason: "signed-out" });
    expect(await db().$count(sessions, eq(sessions.userId, staff.id))).toBe(0);
    const again = await postSignIn(staff.email, TEST_PASSWORD);
    expect(again.status).toBe(403);
    expect(await db().$count(sessions, eq(sessions.userId, staff.id))).toBe(0);
  });

  it("has no self sign-up: the endpoint is gone and no account appears", async () => {
    const before = await db().$count(users);
    const response = await auth().handler(
      new Request("http://localhost:3000/api/auth/sign-up/email", {
        method: "POST",
        headers: { "content-type": "application/json", origin: "http://localhost:3000" },
        body: JSON.stringify({ email: "intruder@example.com", password: "a long enough password", name: "Intruder", role: "admin" }),
      }),
    );
    expect(response.status).toBe(404);
    expect(await db().$count(users)).toBe(before);
  });

  it("signs out: the session row goes and the sign-out is audited", async () => {
    const staff = await createStaff("csm");
    const cookie = await sessionCookie(staff.email);
    const response = await auth().handler(
      new Request("http://localhost:3000/api/auth/sign-out", { method: "POST", headers: { cookie, origin: "http://localhost:3000", "content-type": "application/json" }, body: "{}" }),
    );
    expect(response.status).toBe(200);
    expect(await db().$count(sessions, eq(sessions.userId, staff.id))).toBe(0);
    expect(await db().$count(auditEvents, and(eq(auditEvents.action, "staff.signed_out"), eq(auditEvents.actorId, staff.id)))).toBe(1);
  });
});

describe("sign-in rate limiting, stored in the database", () => {
  it("locks an account after repeated failures, from any address, until the window passes", async () => {
    const staff = await createStaff("onboarding");
    for (let i = 0; i < SIGN_IN_MAX_FAILURES_PER_ACCOUNT; i++) {
      expect((await postSignIn(staff.email, `wrong password ${i}`, `192.0.2.${i + 1}`)).status).toBe(401);
    }
    const locked = await postSignIn(staff.email, TEST_PASSWORD, "192.0.2.200");
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get("x-retry-after"))).toBeGreaterThan(0);
    expect(await db().$count(sessions, eq(sessions.userId, staff.id))).toBe(0);

    // Once the window has passed (moved back in time here), the right password works and clears the count.
    await db()
      .update(rateLimits)
      .set({ lastRequest: Date.now() - 16 * 60_000 })
      .where(like(rateLimits.key, `sign-in-account:${staff.email}`));
    expect((await postSignIn(staff.email, TEST_PASSWORD, "192.0.2.201")).status).toBe(200);
    expect(await db().$count(rateLimits, eq(rateLimits.key, `sign-in-account:${staff.email}`))).toBe(0);
  });

  it("limits sign-in attempts per client address, whichever accounts they try", async () => {
    const ip = "203.0.113.99";
    for (let i = 0; i < SIGN_IN_MAX_PER_ADDRESS; i++) {
      expect((await postSignIn(`guess${i}@staff.example`, "some wrong password", ip)).status).toBe(401);
    }
    expect((await postSignIn("guess-last@staff.example", "some wrong password", ip)).status).toBe(429);
    expect((await postSignIn("guess-last@staff.example", "some wrong password", "203.0.113.100")).status).toBe(401);
    // The counters live in PostgreSQL, so every app instance shares them.
    expect(await db().$count(rateLimits, like(rateLimits.key, `%203.0.113.99%`))).toBeGreaterThan(0);
  });

  it("does not count successful sign-ins: an office behind one address signs in all day", async () => {
    const ip = "203.0.113.150";
    const staff = await createStaff("csm");
    for (let i = 0; i < SIGN_IN_MAX_PER_ADDRESS + 5; i++) {
      expect((await postSignIn(staff.email, TEST_PASSWORD, ip)).status).toBe(200);
    }
    // Failures from the same address still count up to the limit.
    for (let i = 0; i < SIGN_IN_MAX_PER_ADDRESS; i++) {
      expect((await postSignIn(`office-guess${i}@staff.example`, "some wrong password", ip)).status).toBe(401);
    }
    expect((await postSignIn(staff.email, TEST_PASSWORD, ip)).status).toBe(429);
  });
});

describe("Microsoft Entra ID sign-in for staff (configuration only: Microsoft is not reachable from tests)", () => {
  const ssoEnv = {
    STAFF_SSO_MICROSOFT_CLIENT_ID: "11111111-2222-3333-4444-555555555555",
    STAFF_SSO_MICROSOFT_CLIENT_SECRET: "not-a-real-secret-value",
    STAFF_SSO_MICROSOFT_TENANT_ID: "aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee",
  };

  async function startMicrosoftSignIn() {
    return auth().handler(
      new Request("http://localhost:3000/api/auth/sign-in/social", {
        method: "POST",
        headers: { "content-type": "application/json", origin: "http://localhost:3000" },
        body: JSON.stringify({ provider: "microsoft", callbackURL: "/staff" }),
      }),
    );
  }

  it("is off without its settings: the provider does not exist and the sign-in link answers 404", async () => {
    const response = await startMicrosoftSignIn();
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);
    expect((await startMicrosoftRoute(new Request("http://localhost:3000/staff/sign-in/microsoft"))).status).toBe(404);
  });

  it("is on with all three settings, sending staff to their own tenant's sign-in page", async () => {
    Object.assign(process.env, ssoEnv);
    resetEnvCache();
    resetAuth();
    try {
      const response = await startMicrosoftSignIn();
      expect(response.status).toBe(200);
      const { url } = (await response.json()) as { url: string };
      const authorize = new URL(url);
      expect(authorize.origin + authorize.pathname).toBe(`https://login.microsoftonline.com/${ssoEnv.STAFF_SSO_MICROSOFT_TENANT_ID}/oauth2/v2.0/authorize`);
      expect(authorize.searchParams.get("client_id")).toBe(ssoEnv.STAFF_SSO_MICROSOFT_CLIENT_ID);
      expect(authorize.searchParams.get("redirect_uri")).toBe("http://localhost:3000/api/auth/callback/microsoft");
      expect(url).not.toContain(ssoEnv.STAFF_SSO_MICROSOFT_CLIENT_SECRET);

      // The page's plain link starts the same flow with a redirect, carrying the state cookie.
      const viaLink = await startMicrosoftRoute(new Request("http://localhost:3000/staff/sign-in/microsoft?next=%2Fstaff%2Fadmin"));
      expect(viaLink.status).toBe(302);
      expect(viaLink.headers.get("location")).toMatch(new RegExp(`^https://login\\.microsoftonline\\.com/${ssoEnv.STAFF_SSO_MICROSOFT_TENANT_ID}/oauth2/v2\\.0/authorize\\?`));
      expect(viaLink.headers.getSetCookie().join("\n")).toMatch(/state/);
    } finally {
      for (const name of Object.keys(ssoEnv)) delete process.env[name];
      resetEnvCache();
      resetAuth();
    }
  });

  it("refuses a partial or multi-tenant configuration at start, naming the settings", () => {
    const partial = parseEnv({ STAFF_SSO_MICROSOFT_CLIENT_ID: ssoEnv.STAFF_SSO_MICROSOFT_CLIENT_ID });
    expect(partial.ok).toBe(false);
    if (!partial.ok) {
      expect(partial.errors.join("\n")).toContain("STAFF_SSO_MICROSOFT_CLIENT_SECRET must be set too");
      expect(partial.errors.join("\n")).toContain("STAFF_SSO_MICROSOFT_TENANT_ID must be set too");
    }
    const common = parseEnv({ ...ssoEnv, STAFF_SSO_MICROSOFT_TENANT_ID: "common" });
    expect(common.ok).toBe(false);
    if (!common.ok) expect(common.errors.join("\n")).toContain("not a multi-tenant endpoint");
  });
});
