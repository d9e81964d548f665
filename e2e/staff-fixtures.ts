import { randomBytes } from "node:crypto";
import { register } from "node:module";
import { expect, type Page } from "@playwright/test";
import { baseURL } from "../playwright.config";

/**
 * Shared by the staff and onboarding end-to-end tests: accounts and data made through
 * the app's own lib code on the e2e database, and sign-in the way people do it.
 * lib modules mark themselves `server-only`; a test runner is server-side, so the marker
 * resolves to an empty module here as it does for scripts (scripts/runtime/server-only.mjs).
 */
register("../scripts/runtime/server-only-resolver.mjs", import.meta.url);
process.env.DATABASE_URL ||= process.env.E2E_DATABASE_URL;
if (!process.env.DATABASE_URL) throw new Error("Set E2E_DATABASE_URL (npm test does) to the database the e2e server uses");

export const PASSWORD = "e2e staff password 12345";

export const lib = async () => ({
  ...(await import("@/lib/db/client")),
  ...(await import("@/lib/db/schema")),
  ...(await import("@/lib/audit/change")),
  ...(await import("@/lib/auth/staff-accounts")),
  ...(await import("@/lib/auth/brokerage-session")),
  ...(await import("@/lib/invites/create-invite")),
  ...(await import("@/lib/onboarding/invites")),
  drizzle: await import("drizzle-orm"),
});

export type TestStaff = { id: string; email: string; name: string; role: "onboarding" | "csm" | "admin"; password: string };

const suffix = () => randomBytes(4).toString("hex");

export async function createStaff(role: TestStaff["role"], name = `E2E ${role} ${suffix()}`): Promise<TestStaff> {
  const { inAuditedTransaction, createStaffAccount } = await lib();
  const email = `${role}-${suffix()}@e2e.example`;
  const { id } = await inAuditedTransaction({ type: "system", id: "e2e" }, null, (change) => createStaffAccount(change, { name, email, role, password: PASSWORD }));
  return { id, email, name, role, password: PASSWORD };
}

/** A distinct client address per sign-in, as a load balancer would send, so tests never share a rate-limit bucket. */
export const uniqueIp = () => `10.${randomBytes(1)[0]}.${randomBytes(1)[0]}.${1 + (randomBytes(1)[0]! % 250)}`;

/** Signs in through the sign-in page, as a person does. */
export async function signInAs(page: Page, staff: TestStaff) {
  await page.context().setExtraHTTPHeaders({ "x-forwarded-for": uniqueIp() });
  await page.goto("/staff/sign-in");
  await page.getByLabel("Email address").fill(staff.email);
  await page.getByLabel("Password").fill(staff.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
}

/** A Cookie header for a new session, from better-auth's sign-in endpoint. */
export async function sessionCookie(staff: TestStaff): Promise<string> {
  const response = await fetch(`${baseURL}/api/auth/sign-in/email`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: baseURL, "x-forwarded-for": uniqueIp() },
    body: JSON.stringify({ email: staff.email, password: staff.password }),
  });
  expect(response.status, `sign-in of ${staff.email}`).toBe(200);
  return response.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
}

/** A brokerage with an active invite, made the way the onboarding code makes them. */
export async function createBrokerageWithInvite(name = `E2E Realty ${suffix()}`) {
  const { db, brokerages, createInvite } = await lib();
  return db().transaction(async (tx) => {
    const [brokerage] = await tx.insert(brokerages).values({ name, emailDomain: `${suffix()}.example` }).returning();
    const invite = await createInvite(tx, { brokerageId: brokerage!.id, recipientEmail: `it@${brokerage!.emailDomain}` });
    return { brokerage: brokerage!, invite: invite.invite, url: invite.url };
  });
}

/**
 * axe-core finds no violations at desktop (1280) and phone (390) widths; a full-page
 * screenshot of each is kept under screenshots/ for people to look at.
 */
export async function expectAccessible(page: Page, name: string) {
  const { default: AxeBuilder } = await import("@axe-core/playwright");
  const original = page.viewportSize() ?? { width: 1280, height: 900 };
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    // After a server action the page re-renders its metadata too; check once the title is back.
    await expect(page).toHaveTitle(/\S/);
    const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]).analyze();
    const violations = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
    expect(violations, `${name} at ${width}px`).toEqual([]);
    await page.screenshot({ path: `screenshots/staff/${name}-${width}.png`, fullPage: true });
  }
  await page.setViewportSize(original);
}
