import { createHash, randomBytes } from "node:crypto";
import { expect, test, type APIRequestContext, type Page, type Request } from "@playwright/test";
import { eq } from "drizzle-orm";
import { createDb } from "@/lib/db/client";
import { BROKERAGE_SESSION_COOKIE } from "@/lib/auth/cookie-names";
import { brokerageSessions, invites } from "@/lib/db/schema";
import { APPS, MAILBOXES, TENANTS } from "../sim/scenarios";
import { baseURL } from "../playwright.config";
import { attemptCount, capture, e2eDb, fillForm, newInvite, nextYear, openInvite, resetSimulator, sendForm, stageOf, waitForOutcome, type FormValues } from "./support/portal";
import { everyRowAsText, startSecondPortal } from "./support/second-portal";

const good: FormValues = {
  tenantId: TENANTS.harbor.id,
  clientId: APPS.sync.clientId,
  clientSecret: APPS.sync.secret,
  expires: nextYear(),
  testMailbox: MAILBOXES.agent,
  name: "Dana Whitfield",
  email: "it@harbor.example",
};
const SECRET = APPS.sync.secret;
const SECRET_HEX = Buffer.from(SECRET, "utf8").toString("hex");
/** A private key in PEM (the certificate method's) must never show up either. */
const PEM_MARKER = /PRIVATE KEY/;
const PEM_MARKER_HEX = Buffer.from("PRIVATE KEY", "utf8").toString("hex");

test.beforeEach(async () => {
  await resetSimulator();
});

test("after a submission the secret is in no response, no log line and no database row", async ({ browser }) => {
  test.setTimeout(180_000);
  const portal = await startSecondPortal();
  try {
    const ownDb = createDb(portal.databaseUrl, { max: 1 });
    const invite = await newInvite("Leak Check Realty", ownDb).finally(() => ownDb.$client.end({ timeout: 5 }));
    const context = await browser.newContext({ baseURL: portal.url });
    const page = await context.newPage();
    const bodies: string[] = [];
    page.on("response", (response) => {
      if ((response.headers()["content-type"] ?? "").includes("text/event-stream")) return;
      void response.body().then((b) => bodies.push(`${response.url()}\n${b.toString("utf8")}`)).catch(() => undefined);
    });

    await openInvite(page, invite.path);
    await fillForm(page, good);
    await page.getByRole("button", { name: "Check these credentials" }).click();
    await expect(page.getByText("These credentials work")).toBeVisible();
    await sendForm(page);
    await waitForOutcome(page, "verified");
    const attemptPath = new URL(page.url()).pathname;
    const attemptId = attemptPath.split("/").at(-1)!;

    // Every page the administrator can reach, as HTML and as the RSC payload of a client navigation.
    for (const path of ["/submit", attemptPath, "/submit/history", `/api/attempts/${attemptId}/events`]) {
      for (const headers of [{}, { RSC: "1" }] as Record<string, string>[]) {
        const response = await page.request.get(path, { headers });
        expect(response.status(), path).toBe(200);
        bodies.push(`${path} ${JSON.stringify(headers)}\n${await response.text()}`);
      }
    }
    await page.waitForTimeout(500);
    await context.close();

    const responses = bodies.join("\n");
    expect(responses).toContain("Your details work");
    expect(responses).toContain("ujz");
    expect(responses).not.toContain(SECRET);
    expect(responses).not.toMatch(PEM_MARKER);

    const logs = portal.output();
    expect(logs).toContain("Portal ready");
    expect(logs).not.toContain(SECRET);
    expect(logs).not.toMatch(PEM_MARKER);

    const rows = await everyRowAsText(portal.databaseUrl);
    expect(rows).toContain(attemptId);
    expect(rows).not.toContain(SECRET);
    expect(rows.toLowerCase()).not.toContain(SECRET_HEX);
    expect(rows).not.toMatch(PEM_MARKER);
    expect(rows.toLowerCase()).not.toContain(PEM_MARKER_HEX);
    expect(rows).not.toContain(invite.token);
  } finally {
    await portal.stop();
  }
});

test("another brokerage's attempt answers 404, as does any id that is not one of yours", async ({ page, browser }) => {
  await openInvite(page, (await newInvite("Owner Realty")).path);
  await fillForm(page, good);
  await sendForm(page);
  const attemptPath = new URL(page.url()).pathname;
  const attemptId = attemptPath.split("/").at(-1)!;

  const other = await browser.newContext();
  const otherPage = await other.newPage();
  await openInvite(otherPage, (await newInvite("Other Realty")).path);
  for (const path of [attemptPath, `/api/attempts/${attemptId}/events`, "/submit/status/not-an-id", `/submit/status/${crypto.randomUUID()}`]) {
    const response = await otherPage.request.get(path);
    expect(response.status(), path).toBe(404);
    expect(await response.text()).not.toContain("Owner Realty");
  }
  const shown = await otherPage.goto(attemptPath);
  expect(shown?.status()).toBe(404);
  await expect(otherPage.getByRole("heading", { level: 1 })).toHaveText("Page not found");
  await capture(otherPage, "not-found");
  await other.close();

  // Without any session, too.
  const anonymous = await browser.newContext();
  expect((await anonymous.request.get(attemptPath)).status()).toBe(404);
  await anonymous.close();
});

/** The browser's own server action request for "Send", held back and returned for replaying. */
async function captureSubmission(page: Page): Promise<Request> {
  let captured: Request | undefined;
  await page.route("**/submit", async (route) => {
    if (route.request().method() === "POST" && route.request().headers()["next-action"]) {
      captured = route.request();
      await route.abort();
      return;
    }
    await route.continue();
  });
  await page.getByRole("button", { name: "Continue" }).click();
  await page.getByRole("button", { name: "Send and check my details" }).click();
  await expect.poll(() => captured !== undefined).toBe(true);
  await page.unroute("**/submit");
  return captured!;
}

async function replay(request: APIRequestContext, original: Request, headers: Record<string, string> = {}) {
  // The client sets Host and Content-Length itself.
  const kept = Object.fromEntries(Object.entries(original.headers()).filter(([name]) => !["host", "content-length"].includes(name)));
  return request.post(original.url(), { headers: { ...kept, ...headers }, data: original.postDataBuffer()!, maxRedirects: 0 });
}

test("a form post from another origin is refused and changes nothing", async ({ page }) => {
  const invite = await newInvite("Cross Site Realty");
  await openInvite(page, invite.path);
  await fillForm(page, good);
  const submission = await captureSubmission(page);
  expect(await attemptCount(invite.brokerageId)).toBe(0);

  // An Origin that does not match the Host is refused before Next (which would answer 500).
  const foreign = await replay(page.request, submission, { origin: "https://evil.example" });
  expect(foreign.status()).toBe(403);
  // A forwarded host made to match passes Next's check; ours compares with the portal's own address.
  const forwarded = await replay(page.request, submission, { origin: "https://evil.example", "x-forwarded-host": "evil.example" });
  expect(await forwarded.text()).toContain("This form can only be sent from its own page");
  expect(forwarded.headers()["x-action-redirect"]).toBeUndefined();
  expect(await attemptCount(invite.brokerageId)).toBe(0);

  // The same request from the portal's own origin is accepted, so the refusals above were about origin.
  const own = await replay(page.request, submission);
  expect(own.headers()["x-action-redirect"]).toMatch(/\/submit\/status\//);
  expect(await attemptCount(invite.brokerageId)).toBe(1);
});

test("an oversized or unreadable form post is answered 4xx and changes nothing", async ({ page }) => {
  const invite = await newInvite("Bad Body Realty");
  await openInvite(page, invite.path);
  await fillForm(page, good);
  const submission = await captureSubmission(page);
  const kept = Object.fromEntries(Object.entries(submission.headers()).filter(([name]) => !["host", "content-length"].includes(name)));

  const oversized = await page.request.post(submission.url(), { headers: kept, data: Buffer.alloc(1024 * 1024 + 1, "a"), maxRedirects: 0 });
  expect(oversized.status()).toBe(413);
  const noBoundary = await page.request.post(submission.url(), {
    headers: { ...kept, "content-type": "multipart/form-data" },
    data: submission.postDataBuffer()!,
    maxRedirects: 0,
  });
  expect(noBoundary.status()).toBe(400);
  expect(await attemptCount(invite.brokerageId)).toBe(0);
});

test("two parallel posts of the same form make one attempt", async ({ page }) => {
  const invite = await newInvite("Double Click Realty");
  await openInvite(page, invite.path);
  await fillForm(page, good);
  const submission = await captureSubmission(page);
  const responses = await Promise.all([replay(page.request, submission), replay(page.request, submission), replay(page.request, submission)]);
  const targets = responses.map((r) => r.headers()["x-action-redirect"]?.split(";")[0]);
  expect(new Set(targets).size).toBe(1);
  expect(targets[0]).toMatch(/\/submit\/status\//);
  expect(await attemptCount(invite.brokerageId)).toBe(1);
});

/** "Continue" on an invite link's page, as the browser posts it. */
function continueFrom(request: APIRequestContext, path: string, headers: Record<string, string> = {}) {
  return request.post(`${path}/open`, { headers: { origin: baseURL, ...headers }, maxRedirects: 0 });
}

test("opening an invite sets a locked-down cookie, stores only the token's hash, and drops the token from the URL", async ({ request }) => {
  const invite = await newInvite("Cookie Realty");
  const response = await continueFrom(request, invite.path);
  expect(response.status()).toBe(303);
  expect(new URL(response.headers()["location"]!).pathname).toBe("/submit");
  const cookie = response.headersArray().find((h) => h.name.toLowerCase() === "set-cookie")?.value ?? "";
  expect(cookie).toMatch(new RegExp(`^${BROKERAGE_SESSION_COOKIE}=[A-Za-z0-9_-]{43};`));
  expect(cookie).toMatch(/; HttpOnly/i);
  expect(cookie).toMatch(/; Secure/i);
  expect(cookie).toMatch(/; SameSite=lax/i);
  expect(cookie).toMatch(/; Path=\//i);

  const [row] = await e2eDb().select().from(invites).where(eq(invites.tokenHash, createHash("sha256").update(invite.token).digest("hex")));
  expect(row?.openedAt).not.toBeNull();
  expect(JSON.stringify(row)).not.toContain(invite.token);
});

test("fetching an invite link, as a mail scanner does, opens no session and changes nothing", async ({ request }) => {
  const invite = await newInvite("Prefetch Realty");
  for (const method of ["GET", "HEAD"] as const) {
    const response = await request.fetch(invite.path, { method, maxRedirects: 0 });
    expect(response.status()).toBe(200);
    expect(response.headersArray().some((h) => h.name.toLowerCase() === "set-cookie")).toBe(false);
  }
  expect(await request.get(invite.path).then((r) => r.text())).toContain("Continue");
  const [row] = await e2eDb().select().from(invites).where(eq(invites.brokerageId, invite.brokerageId));
  expect(row?.openedAt).toBeNull();
  expect(await stageOf(invite.brokerageId)).toBe("invited");
  expect(await e2eDb().select().from(brokerageSessions).where(eq(brokerageSessions.brokerageId, invite.brokerageId))).toEqual([]);

  // Another site posting "Continue" with a link it holds opens nothing either.
  const forged = await continueFrom(request, invite.path, { origin: "https://evil.example" });
  expect(forged.headersArray().some((h) => h.name.toLowerCase() === "set-cookie")).toBe(false);
  expect(await stageOf(invite.brokerageId)).toBe("invited");
});

test("unknown, expired and revoked links show the same page, and a burst of bad links is rate limited", async ({ page, request }) => {
  const expired = await newInvite("Expired Link Realty");
  await e2eDb().update(invites).set({ expiresAt: new Date(Date.now() - 60_000) }).where(eq(invites.brokerageId, expired.brokerageId));
  const revoked = await newInvite("Revoked Link Realty");
  await e2eDb().update(invites).set({ revokedAt: new Date() }).where(eq(invites.brokerageId, revoked.brokerageId));
  for (const path of [`/invite/${randomBytes(32).toString("base64url")}`, expired.path, revoked.path]) {
    await openInvite(page, path);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("This link cannot be used");
    await expect(page.locator("main")).not.toContainText("Realty");
  }
  await capture(page, "invite-unusable");

  // One address trying many links; the limit is per address, so it is given its own.
  const from = { "X-Forwarded-For": `203.0.113.${1 + Math.floor(Math.random() * 200)}` };
  const statuses: number[] = [];
  for (let i = 0; i < 12; i++) {
    const response = await continueFrom(request, `/invite/${randomBytes(32).toString("base64url")}`, from);
    statuses.push(response.status());
  }
  expect(statuses.slice(0, 10)).toEqual(Array(10).fill(303));
  expect(statuses.slice(10)).toEqual([429, 429]);
  const good = await newInvite("Rate Limited Realty");
  const limited = await continueFrom(request, good.path, from);
  expect(limited.status()).toBe(429);
  expect(Number(limited.headers()["retry-after"])).toBeGreaterThan(0);
  expect(await limited.text()).toContain("Too many attempts");
  await page.setContent(await limited.text());
  await capture(page, "invite-rate-limited");
  // Another address opens the same good link as usual.
  const elsewhere = await continueFrom(request, good.path, { "X-Forwarded-For": "198.51.100.200" });
  expect(elsewhere.status()).toBe(303);
});

test("signing out of the brokerage pages ends the session for good", async ({ page }) => {
  const invite = await newInvite("Sign Out Realty");
  await openInvite(page, invite.path);
  const cookie = (await page.context().cookies()).find((c) => c.name === BROKERAGE_SESSION_COOKIE);
  expect(cookie?.value).toMatch(/^[A-Za-z0-9_-]{43}$/);
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("You have signed out");
  expect((await page.context().cookies()).some((c) => c.name === BROKERAGE_SESSION_COOKIE)).toBe(false);
  expect(await e2eDb().select().from(brokerageSessions).where(eq(brokerageSessions.brokerageId, invite.brokerageId))).toEqual([]);
  // A copy of the old cookie opens nothing.
  const replayed = await page.request.get("/submit", { headers: { cookie: `${BROKERAGE_SESSION_COOKIE}=${cookie!.value}` } });
  expect(replayed.status()).toBe(404);
});

test("/submit and /staff carry a fresh script nonce; the static guide keeps its own policy", async ({ page, request }) => {
  const invite = await newInvite("Nonce Realty");
  await openInvite(page, invite.path);
  const policies: string[] = [];
  for (const path of ["/submit", "/staff/sign-in"]) {
    for (let i = 0; i < 2; i++) {
      const response = await page.request.get(path);
      const policy = response.headers()["content-security-policy"] ?? "";
      const nonce = /'nonce-([^']+)'/.exec(policy)?.[1];
      expect(nonce, path).toBeTruthy();
      expect(policy, path).not.toMatch(/script-src[^;]*'unsafe-inline'/);
      // Next puts the nonce on every script it writes.
      const html = await response.text();
      const scripts = html.match(/<script\b[^>]*>/g) ?? [];
      expect(scripts.length, path).toBeGreaterThan(0);
      for (const tag of scripts) expect(tag, path).toContain(`nonce="${nonce}"`);
      policies.push(nonce!);
    }
  }
  expect(new Set(policies).size).toBe(policies.length);
  // The form still works under it: client components hydrate and validate.
  await page.goto("/submit");
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "There is a problem" })).toBeVisible();

  const guide = await request.get("/guide");
  expect(guide.headers()["content-security-policy"]).toContain("script-src 'self' 'unsafe-inline'");
});
