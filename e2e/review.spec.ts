import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { verifyWebhook } from "@/lib/handoff/signing";
import { webhookPort, webhookSecret } from "../playwright.config";
import { scenario } from "../sim/scenarios";
import { startWebhookReceiver } from "../tests/support/webhook-receiver";
import { capture, fillForm, fixScenario, nextYear, resetSimulator, sendForm, waitForOutcome } from "./support/portal";
import { approveFixture, createAttemptWithRun } from "./review-fixtures";
import { createBrokerageWithInvite, createStaff, lib, signInAs, type TestStaff } from "./staff-fixtures";

/**
 * The customer-success review, end to end: an administrator's submission fails a check
 * in the simulated tenant; a CSM reads why, re-runs the checks once the tenant is fixed,
 * and approves; the sync service's stand-in receives the signed webhook, and reads the
 * credentials with an API key a staff administrator created, which is refused when
 * missing, of another scope, or revoked.
 */

test.describe.configure({ mode: "serial" });

const values = scenario("consent-missing").values;
let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;
let csm: TestStaff;
let admin: TestStaff;
const shared: { brokerageId?: string; brokerageName?: string; attemptId?: string } = {};

test.beforeAll(async () => {
  receiver = await startWebhookReceiver(webhookPort);
  csm = await createStaff("csm", "Casey Reviewer");
  admin = await createStaff("admin", "Alex Admin");
});
test.afterAll(async () => {
  await receiver?.close();
  await (await lib()).closeDb();
});

/** A brokerage assigned to our CSM, with an invite link for its administrator. */
async function brokerageWithInvite() {
  const { db, brokerages, createInvite } = await lib();
  const name = `Review Realty ${Date.now().toString(36)}`;
  return db().transaction(async (tx) => {
    const [brokerage] = await tx.insert(brokerages).values({ name, emailDomain: "harbor.example", csmId: csm.id }).returning();
    const invite = await createInvite(tx, { brokerageId: brokerage!.id, recipientEmail: "it@harbor.example" });
    return { id: brokerage!.id, name, path: `/invite/${invite.token}` };
  });
}

async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
}

test("a CSM reads why a submission fails, re-runs it once fixed, and approves it; the sync service is told", async ({ browser }) => {
  await resetSimulator();
  const brokerage = await brokerageWithInvite();
  shared.brokerageId = brokerage.id;
  shared.brokerageName = brokerage.name;

  // The administrator submits, and consent has not been granted yet.
  const administrator = await browser.newPage();
  await administrator.goto(brokerage.path);
  await expect(administrator).toHaveURL(/\/submit$/);
  await expect(administrator.getByRole("heading", { level: 1 })).toContainText("Submit your Microsoft 365 details");
  await fillForm(administrator, { ...values, clientSecret: values.clientSecret, expires: nextYear(), name: "Dana Whitfield", email: "it@harbor.example" });
  await sendForm(administrator);
  await waitForOutcome(administrator, "failed");
  await administrator.close();

  // The CSM finds it in the failing queue by searching for the brokerage.
  const page = await browser.newPage();
  await signInAs(page, csm);
  await page.goto("/staff/submissions?queue=failing");
  await page.getByLabel("Brokerage name").fill(brokerage.name);
  await page.getByRole("button", { name: "Filter" }).click();
  const row = page.getByRole("row", { name: new RegExp(brokerage.name) });
  await expect(row).toContainText("Admin consent has not been granted");
  await row.getByRole("link", { name: brokerage.name }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(brokerage.name);
  shared.attemptId = page.url().split("/").pop();

  // The reason, what to do, and where the guide shows it.
  const latest = page.getByRole("region", { name: /On submission/ });
  await expect(latest.getByText("Admin consent has not been granted")).toBeVisible();
  // The fix is written under the check and again in its detail, after what Microsoft answered.
  await expect(latest.getByText("holds no application permissions. On the app's API permissions page, select Grant admin consent").first()).toBeVisible();
  await expect(latest.getByRole("link", { name: /The guide section that fixes it/ }).first()).toHaveAttribute("href", "/guide#grant-consent");
  await expect(page.getByText("Approval is not possible yet")).toBeVisible();
  await expect(page.getByRole("button", { name: "Approve these credentials" })).toHaveCount(0);

  // The administrator grants consent in the tenant; the CSM runs the checks again.
  await fixScenario("consent-missing");
  await page.getByRole("button", { name: "Re-run the checks" }).click();
  await expect(page.getByText("The checks are running again on the stored secret")).toBeVisible();
  await expect(page.getByRole("button", { name: "Approve these credentials" })).toBeVisible({ timeout: 45_000 });
  await expect(page.getByRole("region", { name: /Re-run by staff/ }).getByText("Verified", { exact: true })).toBeVisible();

  await page.getByRole("button", { name: "Approve these credentials" }).click();
  await expect(page.getByText("Approved. These are now the brokerage's active credentials")).toBeVisible();
  await expect(page.getByText("Active credentials", { exact: true })).toBeVisible();

  // The sync service's stand-in got the event, signed as Standard Webhooks says.
  const [hook] = await receiver.waitFor(1, 30_000);
  expect(verifyWebhook(webhookSecret, receiver.headersOf(hook!), hook!.body)).toEqual({ ok: true });
  expect(verifyWebhook(`whsec_${Buffer.alloc(32, 7).toString("base64")}`, receiver.headersOf(hook!), hook!.body)).toMatchObject({ ok: false });
  const event = JSON.parse(hook!.body);
  expect(event).toMatchObject({ type: "credentials.approved", data: { brokerageId: brokerage.id, attemptId: shared.attemptId, tenantId: values.tenantId, clientId: values.clientId } });
  expect(hook!.body).not.toContain(values.clientSecret);
  await page.close();
});

test("the sync service reads the approved secret with a key, and is refused without one, with another scope, or once revoked", async ({ page, request }) => {
  expect(shared.brokerageId, "the review test ran first").toBeTruthy();
  const credentialsUrl = `/api/v1/brokerages/${shared.brokerageId}/credentials`;
  await signInAs(page, admin);
  await page.goto("/staff/admin/api-keys");

  async function createKey(name: string, scope: string) {
    await page.getByRole("textbox", { name: "Name", exact: true }).fill(name);
    await page.getByLabel(scope).check();
    await page.getByRole("button", { name: "Create API key" }).click();
    // The banner names the key just made (a previous one's banner stays until the answer comes).
    await expect(page.getByText(`“${name}” may use: ${scope}.`)).toBeVisible();
    await expect(page.getByText("This is the only time the key is shown")).toBeVisible();
    const key = await page.getByRole("textbox", { name: "API key", exact: true }).inputValue();
    expect(key).toMatch(/^m365sync_[A-Za-z0-9_-]{43}$/);
    return key;
  }
  const syncKey = await createKey("Sync service", "credentials:read");
  await capture(page, "review-api-keys");
  await expectNoAxeViolations(page);
  const statusKey = await createKey("Status board", "brokerages:read");

  const read = await request.get(credentialsUrl, { headers: { authorization: `Bearer ${syncKey}` } });
  expect(read.status()).toBe(200);
  expect(await read.json()).toMatchObject({ brokerageId: shared.brokerageId, clientId: values.clientId, tenantId: values.tenantId, clientSecret: values.clientSecret });

  expect((await request.get(credentialsUrl)).status()).toBe(401);
  const wrongScope = await request.get(credentialsUrl, { headers: { authorization: `Bearer ${statusKey}` } });
  expect(wrongScope.status()).toBe(403);
  expect(await wrongScope.text()).not.toContain(values.clientSecret);

  // The key is no longer shown after a reload; revoking it refuses the next request.
  await page.reload();
  await expect(page.getByText(syncKey)).toHaveCount(0);
  // Revoking asks first: the first button only opens the question.
  await page.locator("summary", { hasText: "Revoke the key Sync service" }).click();
  await page.getByRole("button", { name: "Yes, revoke the key Sync service" }).click();
  await expect(page.getByRole("row", { name: /Sync service/ }).getByText("Revoked")).toBeVisible();
  expect((await request.get(credentialsUrl, { headers: { authorization: `Bearer ${syncKey}` } })).status()).toBe(401);

  // The decryption by the key is in the audit log.
  await page.goto(`/staff/audit?action=secret.decrypted&actor=api`);
  await expect(page.getByRole("row", { name: /Sync service, key “Sync service”/ }).first()).toBeVisible();
  await capture(page, "review-audit");
  await expectNoAxeViolations(page);
});

test("the review pages have no accessibility violations, at desktop and phone widths", async ({ page }) => {
  expect(shared.attemptId, "the review test ran first").toBeTruthy();
  // Approved credentials whose secret runs out in three weeks, for the expiry view.
  const { brokerage } = await createBrokerageWithInvite(`Expiring Estates ${Date.now().toString(36)}`);
  const soon = new Date(Date.now() + 21 * 86_400_000).toISOString().slice(0, 10);
  const { attempt } = await createAttemptWithRun({ brokerageId: brokerage.id, status: "verified", secretExpiresOn: soon });
  await approveFixture(attempt.id, csm.id);
  await signInAs(page, csm);
  const pages: Array<[string, string]> = [
    ["review-queue", "/staff/submissions"],
    ["review-failing", `/staff/submissions?queue=approved&q=${encodeURIComponent(shared.brokerageName!)}`],
    ["review-detail", `/staff/submissions/${shared.attemptId}`],
    ["review-expiry", "/staff/expiry?within=30"],
  ];
  for (const [name, path] of pages) {
    for (const width of [1280, 390]) {
      await page.setViewportSize({ width, height: 900 });
      await page.goto(path);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      await expectNoAxeViolations(page);
    }
    if (name === "review-expiry") await expect(page.getByRole("row", { name: new RegExp(brokerage.name) })).toContainText("21 days left");
    await capture(page, name);
  }
  // A validation error on the detail page is announced and linked to its field.
  await page.goto(`/staff/submissions/${shared.attemptId}`);
  await page.getByRole("button", { name: "Save note" }).click();
  await expect(page.getByRole("alert").getByRole("link", { name: "Enter the note" })).toHaveAttribute("href", "#body");
  await expectNoAxeViolations(page);
  await page.getByLabel("Add a note").fill("Called Dana: consent granted by the Global Administrator.");
  await page.getByRole("button", { name: "Save note" }).click();
  await expect(page.getByText("Called Dana: consent granted by the Global Administrator.")).toBeVisible();
});
