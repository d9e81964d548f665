import { randomBytes } from "node:crypto";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { and, desc, eq, inArray } from "drizzle-orm";
import { auditEvents, rateLimitCounters } from "@/lib/db/schema";
import { baseURL } from "../playwright.config";
import { createStaff } from "./staff-fixtures";
import { e2eDb, newInvite } from "./support/portal";
import { startSecondPortal } from "./support/second-portal";

/**
 * The address the audit log records and the rate limits count (TRUST_PROXY_HOPS,
 * lib/http/request-facts.ts). The main test server runs with 1 (the tests play the
 * proxy); a second server on the same database runs with 0, as with nothing in front.
 */

const LOOPBACK = ["127.0.0.1", "::1"];
const badLink = () => `/invite/${randomBytes(32).toString("base64url")}`;

function continueFrom(request: APIRequestContext, origin: string, path: string, forwardedFor: string) {
  return request.post(`${origin}${path}/open`, { headers: { origin, "x-forwarded-for": forwardedFor }, maxRedirects: 0 });
}

/** The socket's count of unusable links, shared with every test that posts from this machine without a proxy's header. */
async function clearLoopbackCount() {
  await e2eDb()
    .delete(rateLimitCounters)
    .where(inArray(rateLimitCounters.key, LOOPBACK.map((ip) => `invite-redeem-failures:${ip}`)));
}

async function lastAudited(action: string, subjectId: string) {
  const [row] = await e2eDb()
    .select({ ip: auditEvents.ip })
    .from(auditEvents)
    .where(and(eq(auditEvents.action, action), eq(auditEvents.subjectId, subjectId)))
    .orderBy(desc(auditEvents.id))
    .limit(1);
  return row?.ip;
}

test("with no proxy in front, X-Forwarded-For changes neither the audited address nor the rate limit", async ({ request }) => {
  test.setTimeout(120_000);
  const portal = await startSecondPortal({ shared: true, env: { TRUST_PROXY_HOPS: "0" } });
  await clearLoopbackCount();
  try {
    // A staff sign-in (better-auth) and an invite redemption, each claiming to come from 6.6.6.6.
    const staff = await createStaff("onboarding");
    const signIn = await request.post(`${portal.url}/api/auth/sign-in/email`, {
      headers: { origin: portal.url, "x-forwarded-for": "6.6.6.6" },
      data: { email: staff.email, password: staff.password },
    });
    expect(signIn.status()).toBe(200);
    expect(LOOPBACK).toContain(await lastAudited("staff.signed_in", staff.id));

    const invite = await newInvite("Spoofed Address Realty");
    expect((await continueFrom(request, portal.url, invite.path, "6.6.6.6")).status()).toBe(303);
    const [opened] = await e2eDb().select({ ip: auditEvents.ip }).from(auditEvents).where(and(eq(auditEvents.action, "invite.opened"), eq(auditEvents.brokerageId, invite.brokerageId)));
    expect(LOOPBACK).toContain(opened?.ip);

    // A new X-Forwarded-For on every bad link: the count is still the socket's, so the limit still comes.
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) statuses.push((await continueFrom(request, portal.url, badLink(), `6.6.${i}.${i + 1}`)).status());
    expect(statuses).toEqual([...Array(10).fill(303), 429, 429]);
  } finally {
    await clearLoopbackCount();
    await portal.stop();
  }
});

test("behind one proxy, the address is the entry that proxy appended, not what the client wrote before it", async ({ request }) => {
  const client = `198.51.100.${1 + Math.floor(Math.random() * 250)}`;
  const invite = await newInvite("One Proxy Realty");
  expect((await continueFrom(request, baseURL, invite.path, `6.6.6.6, ${client}`)).status()).toBe(303);
  const [opened] = await e2eDb().select({ ip: auditEvents.ip }).from(auditEvents).where(and(eq(auditEvents.action, "invite.opened"), eq(auditEvents.brokerageId, invite.brokerageId)));
  expect(opened?.ip).toBe(client);

  // Rotating what the client writes does not give it a new count.
  const statuses: number[] = [];
  for (let i = 0; i < 12; i++) statuses.push((await continueFrom(request, baseURL, badLink(), `6.6.${i}.${i + 1}, ${client}`)).status());
  expect(statuses).toEqual([...Array(10).fill(303), 429, 429]);
});
