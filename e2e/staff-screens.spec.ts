import { expect, test } from "@playwright/test";
import { remediationFor } from "@/lib/verification/remediation";
import { smtpPort, teamAlertsEmail } from "../playwright.config";
import { scenario } from "../sim/scenarios";
import { startMailServer } from "../tests/support/mail-server";
import { fillForm, nextYear, resetSimulator, sendForm, waitForOutcome, openInvite } from "./support/portal";
import { seedStaffScreens } from "./staff-screens-fixtures";
import { createBrokerageWithInvite, createStaff, expectAccessible, lib, signInAs, type TestStaff } from "./staff-fixtures";

/**
 * The staff pages as issue 19 left them: alerts for unassigned brokerages reach the team,
 * the queue names warnings, notices are shown once, revoking asks first, sign-in lands on
 * each role's page, and every page touched is axe-clean at desktop and phone widths.
 */

test.describe.configure({ mode: "serial" });

let mail: Awaited<ReturnType<typeof startMailServer>>;
let csm: TestStaff;
let admin: TestStaff;

test.beforeAll(async () => {
  mail = await startMailServer(smtpPort);
  csm = await createStaff("csm", "Casey Reviewer");
  admin = await createStaff("admin", "Alex Admin");
});
test.afterAll(async () => {
  await mail?.close();
  await (await lib()).closeDb();
});
test.beforeEach(async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
});

test("a result for a brokerage without a CSM is emailed to the team address, and the queue flags it unassigned", async ({ page, browser }) => {
  await resetSimulator();
  const { brokerage, url } = await createBrokerageWithInvite(`Nobody's Realty ${Date.now().toString(36)}`);
  const administrator = await browser.newPage();
  await openInvite(administrator, new URL(url).pathname);
  const values = scenario("consent-missing").values;
  await fillForm(administrator, { ...values, expires: nextYear(), name: "Dana Whitfield", email: `it@${brokerage.emailDomain}` });
  await sendForm(administrator);
  await waitForOutcome(administrator, "failed");
  await administrator.close();

  const email = await mail.waitFor(teamAlertsEmail, 30_000, (m) => m.subject.includes(brokerage.name));
  expect(email.subject).toMatch(/details failed \d+ checks?$/);

  await signInAs(page, csm);
  await page.goto(`/staff/submissions?queue=failing&csm=unassigned&q=${encodeURIComponent(brokerage.name)}`);
  await expect(page.getByRole("row", { name: new RegExp(brokerage.name) }).getByText("Not assigned")).toBeVisible();
});

test("the queue shows a submission's warnings; sign-in lands a CSM on the queue", async ({ page }) => {
  const data = await seedStaffScreens(csm, admin);
  await signInAs(page, csm);
  await expect(page).toHaveURL(/\/staff\/submissions$/);
  await page.goto(`/staff/submissions?q=${encodeURIComponent(data.warned.brokerage.name)}`);
  const row = page.getByRole("row", { name: new RegExp(data.warned.brokerage.name) });
  await expect(row).toContainText(`Warning: ${remediationFor("permission-excess").title}`);
  await expect(row).not.toContainText("None");
  await expectAccessible(page, "19-queue-warnings");
  await page.goto(`/staff/submissions/${data.warned.attemptId}`);
  await expectAccessible(page, "19-detail");
  await page.goto("/staff/expiry");
  await expect(page.getByRole("button", { name: `Remind now the administrator of ${data.expiring.brokerage.name}` })).toBeVisible();
  await page.getByRole("button", { name: `Remind now the administrator of ${data.expiring.brokerage.name}` }).click();
  await expect(page.getByText("Reminder on its way to it@fixture.example, with a new link.")).toBeVisible();
  await expectAccessible(page, "19-expiry");
});

test("a notice is shown once: reloading the page does not bring it back", async ({ page }) => {
  const { brokerage } = await createBrokerageWithInvite(`Notice Realty ${Date.now().toString(36)}`);
  await signInAs(page, admin);
  await page.goto(`/staff/onboarding/brokerages/${brokerage.id}/edit`);
  const renamed = `${brokerage.name} Group`;
  await page.getByLabel("Brokerage name").fill(renamed);
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByText("Brokerage details saved.")).toBeVisible();
  await expect(page).not.toHaveURL(/notice=/);
  await page.reload();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(renamed);
  await expect(page.getByText("Brokerage details saved.")).toHaveCount(0);
});

test("revoking an invite link asks first, and nothing changes until it is confirmed", async ({ page }) => {
  const { brokerage, invite } = await createBrokerageWithInvite(`Revoke Realty ${Date.now().toString(36)}`);
  await signInAs(page, admin);
  await expect(page).toHaveURL(/\/staff$/);
  await page.goto(`/staff/onboarding/brokerages/${brokerage.id}`);
  const row = page.getByRole("row", { name: new RegExp(invite.recipientEmail) });
  await page.locator("summary", { hasText: `Revoke the link for ${invite.recipientEmail}` }).click();
  await expect(page.getByText("The link stops opening the form at once.")).toBeVisible();
  await expectAccessible(page, "19-revoke-question");
  await expect(row).not.toContainText("Revoked");
  await page.getByRole("button", { name: `Yes, revoke the link for ${invite.recipientEmail}` }).click();
  await expect(row).toContainText("Revoked");
});

test("the staff chrome: one staff header, a nav on the content grid that never wraps, axe-clean pages", async ({ page }) => {
  await signInAs(page, admin);
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await page.goto("/staff/audit");
    await expect(page.getByRole("banner").getByRole("link", { name: /onboarding staff/ })).toBeVisible();
    await expect(page.getByRole("link", { name: "Setup guide" })).toHaveCount(0);
    const items = page.getByRole("navigation", { name: "Staff area" }).getByRole("listitem");
    const tops = new Set(await items.evaluateAll((els) => els.map((e) => Math.round(e.getBoundingClientRect().top))));
    expect(tops.size, `nav on one line at ${width}px`).toBe(1);
    const navLeft = await items.first().evaluate((e) => e.getBoundingClientRect().left);
    const headingLeft = await page.getByRole("heading", { level: 1 }).evaluate((e) => e.getBoundingClientRect().left);
    expect(Math.abs(navLeft - headingLeft), `nav aligned with the content at ${width}px`).toBeLessThanOrEqual(1);
  }
  await page.setViewportSize({ width: 1280, height: 900 });
  await expect(page.locator('meta[name="robots"]')).toHaveAttribute("content", /noindex/);
  await expect(page.getByRole("heading", { level: 2 }).first()).toBeVisible();
  await expect(page.getByRole("cell", { name: /^attempt\.|^staff\./ })).toHaveCount(0);
  await expectAccessible(page, "19-audit");
});

test("the staff home, API keys and staff accounts pages are axe-clean in the new chrome", async ({ page }) => {
  // Three pages, each checked and photographed at two widths: long pages on a busy machine.
  test.setTimeout(150_000);
  await signInAs(page, admin);
  for (const [name, url] of [["19-home", "/staff"], ["19-api-keys", "/staff/admin/api-keys"], ["19-staff-accounts", "/staff/admin"]] as const) {
    await page.goto(url);
    await expectAccessible(page, name);
  }
});

test("the icon, manifest and robots.txt are served, keeping private pages out of search engines", async ({ request }) => {
  expect((await request.get("/favicon.ico")).status()).toBe(200);
  expect((await request.get("/apple-touch-icon.png")).headers()["content-type"]).toContain("image/png");
  expect((await (await request.get("/manifest.webmanifest")).json()).icons.length).toBeGreaterThan(0);
  const robots = await (await request.get("/robots.txt")).text();
  for (const path of ["/staff", "/invite", "/submit"]) expect(robots).toContain(`Disallow: ${path}`);
});
