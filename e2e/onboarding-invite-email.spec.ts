import { expect, test } from "@playwright/test";
import { smtpPort } from "../playwright.config";
import { startMailServer } from "../tests/support/mail-server";
import { createStaff, lib, signInAs } from "./staff-fixtures";

/**
 * The onboarding team's main journey, end to end: a brokerage is added, its invite is
 * emailed through a real SMTP server, the link in that email opens the form, the
 * pipeline shows the brokerage move on, and revoking the link kills it.
 */

let mail: Awaited<ReturnType<typeof startMailServer>>;

test.beforeAll(async () => {
  mail = await startMailServer(smtpPort);
});
test.afterAll(async () => {
  await mail?.close();
  await (await lib()).closeDb();
});

test("an onboarding user adds a brokerage and emails an invite whose link opens the form until it is revoked", async ({ page, browser }) => {
  const name = `Harbor Realty ${Date.now().toString(36)}`;
  const recipient = `it-${Date.now().toString(36)}@harbor.example`;
  await signInAs(page, await createStaff("onboarding"));

  await page.getByRole("navigation", { name: "Staff area" }).getByRole("link", { name: "Onboarding" }).click();
  await page.getByRole("link", { name: "Add a brokerage" }).click();
  await page.getByLabel("Brokerage name").fill(name);
  await page.getByLabel("Email domain").fill("https://www.Harbor.example/");
  await page.getByRole("button", { name: "Add brokerage" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(name);
  await expect(page.getByText("Brokerage added.")).toBeVisible();
  await expect(page.getByText("harbor.example", { exact: true })).toBeVisible();

  await page.getByRole("link", { name: "Create an invite link" }).click();
  await page.getByLabel("Recipient's email address").fill(recipient);
  await page.getByLabel("Recipient's name (optional)").fill("Sam Lee");
  await page.getByLabel("7 days").check();
  await expect(page.getByLabel("Email the link to the recipient now")).toBeChecked();
  await page.getByRole("button", { name: "Create invite link" }).click();
  await expect(page.getByText("Invite link created")).toBeVisible();
  await expect(page.getByText(`The link is on its way to ${recipient}.`)).toBeVisible();
  const shownLink = await page.getByLabel(`Invite link for ${name}`).inputValue();
  expect(shownLink).toMatch(/\/invite\/[A-Za-z0-9_-]{43}$/);

  // The email arrives at the SMTP server, carrying the same link in its text and HTML.
  const email = await mail.waitFor(recipient);
  expect(email.subject).toBe(`Connect ${name}'s Microsoft 365 to MoxiEngage`);
  expect(email.text).toContain("Hello Sam Lee,");
  const emailedLink = email.text.match(/https?:\/\/\S+\/invite\/[A-Za-z0-9_-]{43}/)?.[0];
  expect(emailedLink).toBe(shownLink);
  expect(email.html).toContain(`href="${emailedLink}"`);

  // The pipeline shows it invited.
  await page.goto(`/staff/onboarding?q=${encodeURIComponent(name)}`);
  await expect(page.getByRole("row", { name: new RegExp(name) })).toContainText("Invited");

  // The outbox says it went.
  await page.getByRole("navigation", { name: "Staff area" }).getByRole("link", { name: "Outbox" }).click();
  await expect(page.getByRole("row", { name: new RegExp(recipient) })).toContainText("Sent");

  // The administrator opens the link from the email: the form.
  const administrator = await browser.newContext();
  const form = await administrator.newPage();
  await form.goto(emailedLink!);
  await expect(form).toHaveURL(/\/submit/);
  await expect(form.getByRole("heading", { level: 1 })).toContainText("Submit your Microsoft 365 details");
  await administrator.close();

  // The pipeline shows the stage move.
  await page.goto(`/staff/onboarding?q=${encodeURIComponent(name)}`);
  await expect(page.getByRole("row", { name: new RegExp(name) })).toContainText("Opened");

  // Revoking makes the link dead.
  await page.getByRole("link", { name }).click();
  // Revoking asks first: the first button only opens the question.
  await page.locator("summary", { hasText: `Revoke the link for Sam Lee (${recipient})` }).click();
  await page.getByRole("button", { name: `Yes, revoke the link for Sam Lee (${recipient})` }).click();
  await expect(page.getByText("The link was revoked: it no longer opens the form.")).toBeVisible();
  await expect(page.getByRole("row", { name: new RegExp(recipient) })).toContainText("Revoked");
  const later = await browser.newContext();
  const dead = await later.newPage();
  await dead.goto(emailedLink!);
  await expect(dead.getByRole("heading", { level: 1 })).toHaveText("This link cannot be used");
  await later.close();
});

test("resend emails a new link and the old one stops working", async ({ page }) => {
  const name = `Summit Homes ${Date.now().toString(36)}`;
  const recipient = `admin-${Date.now().toString(36)}@summit.example`;
  await signInAs(page, await createStaff("onboarding"));
  await page.goto("/staff/onboarding/brokerages/new");
  await page.getByLabel("Brokerage name").fill(name);
  await page.getByLabel("Email domain").fill("summit.example");
  await page.getByRole("button", { name: "Add brokerage" }).click();
  await page.getByRole("link", { name: "Create an invite link" }).click();
  await page.getByLabel("Recipient's email address").fill(recipient);
  await page.getByRole("button", { name: "Create invite link" }).click();
  const first = await mail.waitFor(recipient);
  await page.getByRole("link", { name: /See all invite links/ }).click();

  await page.getByRole("button", { name: `Resend to ${recipient}` }).click();
  await expect(page.getByText("New link sent")).toBeVisible();
  const newLink = await page.getByLabel("New invite link").inputValue();
  const second = await mail.waitFor(recipient, 20_000, (m) => m !== first);
  expect(second.text).toContain(newLink);
  expect(second.text).not.toContain(first.text.match(/\/invite\/[A-Za-z0-9_-]{43}/)![0]);
  const rows = page.getByRole("row", { name: new RegExp(recipient) });
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(0)).toContainText("Not opened");
  await expect(rows.nth(1)).toContainText("Revoked");
});
