import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inAuditedTransaction } from "@/lib/audit/change";
import { auth, resetAuth } from "@/lib/auth/auth";
import { linkMicrosoftIdentity } from "@/lib/auth/microsoft-link";
import { db } from "@/lib/db/client";
import { accounts, auditEvents, sessions } from "@/lib/db/schema";
import { env, resetEnvCache } from "@/lib/env";
import { startEntraIdTokens } from "../support/entra-id-tokens";
import { createStaff } from "../support/staff";

const TENANT = "aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee";
const CLIENT = "11111111-2222-3333-4444-555555555555";
const SETTINGS = ["STAFF_SSO_MICROSOFT_CLIENT_ID", "STAFF_SSO_MICROSOFT_CLIENT_SECRET", "STAFF_SSO_MICROSOFT_TENANT_ID", "MICROSOFT_AUTHORITY_HOST"];
let entra: Awaited<ReturnType<typeof startEntraIdTokens>>;
let previousAuthority: string | undefined;

beforeAll(async () => {
  entra = await startEntraIdTokens(TENANT, CLIENT);
  previousAuthority = process.env.MICROSOFT_AUTHORITY_HOST;
  Object.assign(process.env, {
    BETTER_AUTH_SECRET: "integration-test-secret-that-is-long-enough",
    STAFF_SSO_MICROSOFT_CLIENT_ID: CLIENT,
    STAFF_SSO_MICROSOFT_CLIENT_SECRET: "not-a-real-secret-value",
    STAFF_SSO_MICROSOFT_TENANT_ID: TENANT,
    MICROSOFT_AUTHORITY_HOST: entra.authority,
  });
  resetEnvCache();
  resetAuth();
});

afterAll(async () => {
  for (const name of SETTINGS) delete process.env[name];
  if (previousAuthority) process.env.MICROSOFT_AUTHORITY_HOST = previousAuthority;
  resetEnvCache();
  resetAuth();
  await entra.stop();
});

/** Signs in with a Microsoft ID token through better-auth's HTTP handler, as its endpoint is called. */
function signInWith(idToken: string) {
  return auth().handler(
    new Request(`${env().APP_URL}/api/auth/sign-in/social`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: env().APP_URL },
      body: JSON.stringify({ provider: "microsoft", idToken: { token: idToken } }),
    }),
  );
}

const sessionsOf = (userId: string) => db().select().from(sessions).where(eq(sessions.userId, userId));

describe("Microsoft sign-in for staff matches tenant id + object id, never the email claim", () => {
  it("refuses an identity whose email is a staff address but whose object id was never linked", async () => {
    const admin = await createStaff("admin");
    const response = await signInWith(entra.idToken({ oid: randomUUID(), email: admin.email }));
    expect(response.status).toBe(401);
    expect(await sessionsOf(admin.id)).toEqual([]);
    expect(await db().select().from(accounts).where(eq(accounts.userId, admin.id))).toHaveLength(1);
  });

  it("signs in the linked identity, whatever its email claim, and refuses another oid with the same email", async () => {
    const staff = await createStaff("csm");
    const objectId = randomUUID();
    await inAuditedTransaction({ type: "system", id: "tests" }, null, (change) => linkMicrosoftIdentity(change, staff.email, { tenantId: TENANT, objectId }));
    const [linked] = await db()
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.subjectId, staff.id), eq(auditEvents.action, "staff.sign_in_linked")));
    expect(linked).toMatchObject({ action: "staff.sign_in_linked", detail: { provider: "microsoft", tenantId: TENANT, objectId } });

    const other = await signInWith(entra.idToken({ oid: randomUUID(), email: staff.email }));
    expect(other.status).toBe(401);
    expect(await sessionsOf(staff.id)).toEqual([]);

    const renamed = await signInWith(entra.idToken({ oid: objectId, email: "renamed@vendor.example" }));
    expect(renamed.status).toBe(200);
    expect(await sessionsOf(staff.id)).toHaveLength(1);
  });

  it("refuses the right object id from another tenant", async () => {
    const staff = await createStaff("onboarding");
    const objectId = randomUUID();
    await inAuditedTransaction({ type: "system", id: "tests" }, null, (change) => linkMicrosoftIdentity(change, staff.email, { tenantId: TENANT, objectId }));
    const response = await signInWith(entra.idToken({ oid: objectId, email: staff.email, tid: "99999999-8888-7777-6666-555555555555" }));
    expect(response.status).toBe(401);
    expect(await sessionsOf(staff.id)).toEqual([]);
  });
});
