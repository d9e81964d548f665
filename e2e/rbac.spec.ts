import { expect, test } from "@playwright/test";
import { APPS, MAILBOXES, TENANTS } from "../sim/scenarios";
import { attemptsOf, capture, field, fillForm, newInvite, nextYear, openInvite, removeGraphConsent, resetSimulator, sendForm, waitForOutcome } from "./support/portal";

/**
 * Limiting the app to a group of agents (Exchange RBAC for Applications): the administrator
 * chooses "Limited to a group", learns that the outside mailbox is still readable because the
 * tenant-wide consent remains, removes it, checks again and is verified.
 */

test.beforeEach(async () => {
  await resetSimulator();
});

test("limited to a group: outside mailbox readable, consent removed, re-checked, verified", async ({ page }) => {
  const invite = await newInvite("Scoped Harbor Realty");
  await openInvite(page, invite.path);
  await expect(page).toHaveURL(/\/submit$/);

  await fillForm(page, {
    tenantId: TENANTS.harbor.id,
    clientId: APPS.rbacConsented.clientId,
    clientSecret: APPS.rbacConsented.secret,
    expires: nextYear(),
    testMailbox: MAILBOXES.agent,
    name: "Dana Whitfield",
    email: "it@harbor.example",
  });
  await page.getByLabel(/Limited to a group of agents/).check();
  await field(page, "A mailbox outside the group (optional)").fill(MAILBOXES.frontDesk);
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Check your answers before sending");
  await expect(page.getByText("Limited to a group of agents (Exchange RBAC for Applications)")).toBeVisible();
  await expect(page.getByText(MAILBOXES.frontDesk)).toBeVisible();
  await page.getByRole("button", { name: "Send and check my details" }).click();
  await page.waitForURL(/\/submit\/status\//);

  // The tenant-wide consent still opens every mailbox: verified, with the two warnings.
  await waitForOutcome(page, "verified");
  const outside = page.locator('[data-check="scope.outside"]');
  await expect(outside).toHaveAttribute("data-status", "warn");
  await expect(outside.getByRole("heading", { name: "The app can reach a mailbox meant to stay outside its scope" })).toBeVisible();
  await expect(outside.getByRole("link", { name: /Step 8: Limit the app to agents’ mailboxes, in the setup guide/ })).toHaveAttribute("href", /\/guide#limit-mailbox-access/);
  await expect(page.locator('[data-check="permissions"]')).toHaveAttribute("data-status", "warn");
  await capture(page, "rbac-outside-readable");

  await removeGraphConsent(APPS.rbacConsented.clientId);

  // Check again: verified credentials are replaced only on purpose; the form comes back with every answer but the secret.
  await page.goto("/submit");
  await page.getByRole("link", { name: "Replace these credentials" }).click();
  await expect(page.getByLabel(/Limited to a group of agents/)).toBeChecked();
  await expect(field(page, "A mailbox outside the group (optional)")).toHaveValue(MAILBOXES.frontDesk);
  await fillForm(page, { clientSecret: APPS.rbacConsented.secret });
  await sendForm(page);

  await waitForOutcome(page, "verified");
  await expect(page.locator('[data-check="scope.outside"]')).toHaveAttribute("data-status", "pass");
  const permissions = page.locator('[data-check="permissions"]');
  await expect(permissions).toHaveAttribute("data-status", "pass");
  await expect(permissions).toContainText("Exchange RBAC for Applications");
  await expect(page.locator('[data-check="mail.send"]')).toHaveAttribute("data-status", "pass");
  await capture(page, "rbac-verified");

  const attempts = await attemptsOf(invite.brokerageId);
  expect(attempts.at(-1)).toMatchObject({ number: 2, status: "verified", accessScope: "exchange-rbac", outsideMailbox: MAILBOXES.frontDesk });
});
