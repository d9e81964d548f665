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
  resetSimulator,
  sendForm,
  stageOf,
  waitForOutcome,
  type FormValues,
} from "./support/portal";

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
  await page.goto(invite.path);
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
  await expect(page.locator("[data-check]")).toHaveCount(10);
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
  await expect(permissions.getByRole("heading", { name: "Admin consent has not been granted" })).toBeVisible();
  await expect(permissions.getByRole("link", { name: /How to fix this/ })).toHaveAttribute("href", "/guide#grant-consent");
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
  await expect(calendar.getByRole("link", { name: /How to fix this/ })).toHaveAttribute("href", /\/guide#choose-test-mailbox/);

  await fixScenario("unlicensed-mailbox");
  await resubmit(page, APPS.sync.secret);
  await expect(page.getByText(/Attempt 2/)).toBeVisible();
  await waitForOutcome(page, "verified");
});
