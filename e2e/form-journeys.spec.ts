import { expect, test, type Page } from "@playwright/test";
import { APPS, MAILBOXES, TENANTS } from "../sim/scenarios";
import {
  attemptCount,
  attemptsOf,
  capture,
  field,
  fillForm,
  fixScenario,
  newInvite,
  nextYear,
  openInvite as openLink,
  resetSimulator,
  sendForm,
  stageOf,
  waitForOutcome,
  type FormValues,
} from "./support/portal";
import { startSecondPortal } from "./support/second-portal";

const good: FormValues = {
  tenantId: TENANTS.harbor.id,
  clientId: APPS.sync.clientId,
  clientSecret: APPS.sync.secret,
  expires: nextYear(),
  testMailbox: MAILBOXES.agent,
  name: "Dana Whitfield",
  email: "it@harbor.example",
};

test.beforeEach(async () => {
  await resetSimulator();
});

async function openInvite(page: Page, name: string) {
  const invite = await newInvite(name);
  await openLink(page, invite.path);
  await expect(page).toHaveURL(/\/submit$/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Submit your Microsoft 365 details");
  return invite;
}

/** "Fix and resubmit": the form comes back with every answer but the secret. */
async function resubmit(page: Page, secret: string, values: Partial<FormValues> = {}) {
  await page.getByRole("link", { name: "Fix and resubmit" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Submit your Microsoft 365 details");
  await expect(field(page, "Tenant ID")).not.toHaveValue("");
  await expect(field(page, "Client secret value")).toHaveValue("");
  await fillForm(page, { ...values, clientSecret: secret });
  await sendForm(page);
}

test("from the invite link to verified, watching the checks turn green", async ({ page }) => {
  const invite = await openInvite(page, "Harbor Realty");
  expect(await stageOf(invite.brokerageId)).toBe("opened");
  await capture(page, "form");

  await fillForm(page, good);
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Check your answers before sending");
  await expect(page.getByText("ujz••••••••")).toBeVisible();
  await capture(page, "check-answers");
  await page.getByRole("button", { name: "Send and check my details" }).click();
  await page.waitForURL(/\/submit\/status\//);

  await waitForOutcome(page, "verified");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Your details work");
  await expect(page.locator("[data-check]")).toHaveCount(11);
  await expect(page.locator('[data-check="mail.send"]')).toHaveAttribute("data-status", "pass");
  await capture(page, "status-verified");
  expect(await stageOf(invite.brokerageId)).toBe("verified");
  const [attempt] = await attemptsOf(invite.brokerageId);
  expect(attempt).toMatchObject({ number: 1, status: "verified", secretHint: "ujz" });
});

test("a pasted Secret ID is caught by the form itself, then the Value verifies", async ({ page }) => {
  const invite = await openInvite(page, "Secret ID Realty");
  await fillForm(page, { ...good, clientSecret: APPS.sync.secretId });
  await page.getByRole("button", { name: "Continue" }).click();

  const summary = page.getByRole("alert").filter({ hasText: "There is a problem" });
  await expect(summary).toBeFocused();
  await expect(summary.getByRole("link", { name: "This is the Secret ID: copy the Value" })).toHaveAttribute("href", "#client-secret");
  await expect(page.locator("#client-secret-error")).toHaveText("Error: This is the Secret ID: copy the Value");
  await expect(page.getByRole("link", { name: /See where the Value is/ })).toHaveAttribute("href", "/guide#copy-secret-value");
  await expect(field(page, "Client secret value")).toHaveAttribute("aria-invalid", "true");
  await expect(page).toHaveTitle(/^Error: /);
  await capture(page, "form-error-secret-id");
  expect(await attemptCount(invite.brokerageId)).toBe(0);

  await summary.getByRole("link", { name: "This is the Secret ID: copy the Value" }).click();
  await expect(field(page, "Client secret value")).toBeFocused();
  await field(page, "Client secret value").fill(APPS.sync.secret);
  await sendForm(page);
  await waitForOutcome(page, "verified");
  expect(await attemptCount(invite.brokerageId)).toBe(1);
});

test("missing admin consent fails with the fix; granted, the resubmission verifies", async ({ page }) => {
  const invite = await openInvite(page, "Consent Realty");
  await fillForm(page, { ...good, clientId: APPS.unconsented.clientId, clientSecret: APPS.unconsented.secret });
  await sendForm(page);
  await waitForOutcome(page, "failed");

  const permissions = page.locator('[data-check="permissions"]');
  await expect(permissions).toHaveAttribute("data-status", "fail");
  // The diagnosis leads with the one thing to do, naming the step; the row points up to it.
  const diagnosis = page.locator("[data-diagnosis]");
  await expect(diagnosis.getByRole("heading", { level: 3 })).toHaveText("Admin consent has not been granted Step 4: Grant admin consent");
  await expect(diagnosis.getByRole("link", { name: /Open step 4: Grant admin consent in the setup guide/ })).toHaveAttribute("href", "/guide#grant-consent");
  await expect(permissions.getByRole("link", { name: "Admin consent has not been granted: what to do" })).toHaveAttribute("href", "#fix-consent-missing");
  await expect(page.locator('[data-check="calendar.read"]')).toHaveAttribute("data-status", "skipped");
  await capture(page, "status-failed");
  expect(await stageOf(invite.brokerageId)).toBe("failed");

  await fixScenario("consent-missing");
  await resubmit(page, APPS.unconsented.secret);
  await waitForOutcome(page, "verified");
  await expect(page.getByText("Attempt 2 passed every check")).toBeVisible();

  const [first, second] = await attemptsOf(invite.brokerageId);
  expect(first).toMatchObject({ number: 1, status: "superseded", secretCiphertext: null });
  expect(first!.secretDestroyedAt).not.toBeNull();
  expect(second).toMatchObject({ number: 2, status: "verified" });

  await page.getByRole("link", { name: "All your submissions" }).click();
  await expect(page.getByRole("heading", { level: 2, name: /Attempt 2: Passed every check/ })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: /Attempt 1: Replaced after: failed/ })).toBeVisible();
  await capture(page, "history");
});

test("an unlicensed test mailbox fails with the fix; licensed, the resubmission verifies", async ({ page }) => {
  await openInvite(page, "Mailbox Realty");
  await fillForm(page, { ...good, testMailbox: MAILBOXES.newHire });
  await sendForm(page);
  await waitForOutcome(page, "failed");
  const calendar = page.locator('[data-check="calendar.read"]');
  await expect(calendar).toHaveAttribute("data-status", "fail");
  await expect(calendar.getByRole("link", { name: /what to do$/ })).toHaveAttribute("href", "#fix-mailbox-not-enabled");
  await expect(page.locator("[data-diagnosis]").getByRole("link", { name: /in the setup guide/ })).toHaveAttribute("href", "/guide#choose-test-mailbox");

  await fixScenario("unlicensed-mailbox");
  await resubmit(page, APPS.sync.secret);
  await expect(page.getByText(/Attempt 2/)).toBeVisible();
  await waitForOutcome(page, "verified");
});

test("the checks appear and turn one by one without reloading the page", async ({ page }) => {
  await resetSimulator(400);
  await openInvite(page, "Live Realty");
  await fillForm(page, good);
  await sendForm(page);
  await page.evaluate(() => ((window as unknown as { sameDocument: boolean }).sameDocument = true));

  await expect(page.locator('[data-phase="running"]')).toBeVisible();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Checking your details with Microsoft");
  await expect(page.locator('[data-check="input"]')).toHaveAttribute("data-status", "pass");
  await expect(page.locator('[data-check="mail.send"]')).not.toHaveAttribute("data-status", "pass");
  await capture(page, "status-live");

  await waitForOutcome(page, "verified");
  expect(await page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument)).toBe(true);
  await expect(page.getByRole("status")).toHaveText("Finished: every check passed.");
});

test("a second app instance without a worker shows the run live while the first instance's worker does it", async ({ browser }) => {
  test.setTimeout(120_000);
  await resetSimulator(300);
  const portal = await startSecondPortal({ shared: true });
  try {
    const context = await browser.newContext({ baseURL: portal.url });
    const page = await context.newPage();
    const invite = await newInvite("Two Instances Realty");
    await openLink(page, invite.path);
    await fillForm(page, good);
    await sendForm(page);
    expect(new URL(page.url()).port).toBe(new URL(portal.url).port);
    await expect(page.locator('[data-phase="running"]')).toBeVisible();
    await waitForOutcome(page, "verified");
    await context.close();
  } finally {
    await portal.stop();
  }
});

test("when Microsoft does not answer, the page says so and that we try again by ourselves", async ({ page }) => {
  await openInvite(page, "Coastal Properties");
  await fillForm(page, {
    ...good,
    tenantId: TENANTS.coastal.id,
    clientId: APPS.coastal.clientId,
    clientSecret: APPS.coastal.secret,
    testMailbox: MAILBOXES.coastal,
  });
  await sendForm(page);
  await waitForOutcome(page, "inconclusive");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("We could not finish the checks");
  await expect(page.getByText(/We try again automatically at/)).toBeVisible();
  await expect(page.locator('[data-check="token"]')).toHaveAttribute("data-status", "error");
  await capture(page, "status-inconclusive");
});

test("the test mailbox's domain offers its tenant when the Tenant ID is empty or different", async ({ page }) => {
  await openInvite(page, "Lookup Realty");
  await field(page, "Test mailbox").fill(MAILBOXES.agent);
  await field(page, "Test mailbox").blur();
  const offer = page.getByText(`Microsoft says harbor.example belongs to tenant ${TENANTS.harbor.id}.`);
  await expect(offer).toBeVisible();
  await page.getByRole("button", { name: "Use this Tenant ID" }).click();
  await expect(field(page, "Tenant ID")).toHaveValue(TENANTS.harbor.id);
  await expect(page.getByText("harbor.example belongs to the tenant you entered.")).toBeVisible();

  await field(page, "Tenant ID").fill(TENANTS.summit.id);
  await expect(page.getByText(/The Tenant ID above is not the tenant of harbor.example/)).toBeVisible();
});

test("double-clicking Send, or sending again from a second tab, makes one attempt", async ({ page, context }) => {
  const invite = await openInvite(page, "Two Tabs Realty");
  const second = await context.newPage();
  await second.goto("/submit");

  await fillForm(page, good);
  await page.getByRole("button", { name: "Continue" }).click();
  await page.getByRole("button", { name: "Send and check my details" }).dblclick();
  await page.waitForURL(/\/submit\/status\//);
  const firstAttempt = page.url();

  await fillForm(second, good);
  await sendForm(second);
  expect(second.url().split("?")[0]).toBe(firstAttempt);
  await expect(second.getByText("This form had already been sent from another tab or window")).toBeVisible();
  expect(await attemptCount(invite.brokerageId)).toBe(1);
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the form still sends, and the status page reloads itself until the checks end", async ({ page }) => {
    await openInvite(page, "No Script Realty");
    await fillForm(page, { ...good, tenantId: "not a guid" });
    await page.getByRole("button", { name: "Continue" }).click();
    // The server's own validation answers, keeping every answer but the secret.
    await expect(page.locator("#tenant-id-error")).toContainText("Tenant ID must be a GUID");
    await expect(field(page, "Test mailbox")).toHaveValue(MAILBOXES.agent);
    await expect(field(page, "Client secret value")).toHaveValue("");
    await expect(page.locator("#client-secret-error")).toContainText("Enter the client secret value again");

    await fillForm(page, { tenantId: good.tenantId, clientSecret: good.clientSecret });
    await page.getByRole("button", { name: "Continue" }).click();
    await page.waitForURL(/\/submit\/status\//);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Your details work", { timeout: 30_000 });
  });
});
