import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { APPS, MAILBOXES, TENANTS } from "../sim/scenarios";
import { capture, newInvite, nextYear, openInvite, resetSimulator, waitForOutcome } from "./support/portal";

test.beforeEach(async () => {
  await resetSimulator();
});

async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
}

/** Tab (only) until the element with this id has focus. */
async function tabTo(page: Page, id: string) {
  for (let i = 0; i < 40; i++) {
    if (await page.evaluate((target) => document.activeElement?.id === target, id)) return;
    await page.keyboard.press("Tab");
  }
  throw new Error(`#${id} never received focus by Tab`);
}

async function typeInto(page: Page, id: string, text: string) {
  await tabTo(page, id);
  await page.keyboard.type(text);
}

test("the form, its error state, check answers and the status page have no axe violations", async ({ page }) => {
  const invite = await newInvite("Axe Realty");
  await openInvite(page, invite.path);
  await expectNoAxeViolations(page);

  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "There is a problem" })).toBeFocused();
  await expectNoAxeViolations(page);
  await capture(page, "form-errors");

  await page.getByLabel("Tenant ID", { exact: true }).fill(TENANTS.harbor.id);
  await page.getByLabel("Client ID", { exact: true }).fill(APPS.unconsented.clientId);
  await page.getByLabel("Client secret value", { exact: true }).fill(APPS.unconsented.secret);
  await page.getByRole("button", { name: "Check these credentials" }).click();
  await expect(page.getByText("These credentials do not work yet:")).toBeVisible();
  await expectNoAxeViolations(page);
  await capture(page, "form-early-check");

  const { day, month, year } = nextYear();
  await page.getByLabel("Day").fill(day);
  await page.getByLabel("Month").fill(month);
  await page.getByLabel("Year").fill(year);
  await page.getByLabel("Test mailbox", { exact: true }).fill("admin@harbor.example");
  await page.getByLabel("Full name").fill("Dana Whitfield");
  await page.getByLabel("Email address", { exact: true }).fill("it@harbor.example");
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Check your answers before sending");
  await expect(page.getByText(/Mailboxes like admin@ are often unlicensed/)).toBeVisible();
  await expectNoAxeViolations(page);

  await page.getByRole("button", { name: "Send and check my details" }).click();
  await page.waitForURL(/\/submit\/status\//);
  await expectNoAxeViolations(page);
  await waitForOutcome(page, "failed");
  await expectNoAxeViolations(page);
});

test("the whole form can be completed with the keyboard alone", async ({ page }) => {
  const invite = await newInvite("Keyboard Realty");
  await openInvite(page, invite.path);
  await page.locator("body").focus();

  await typeInto(page, "tenant-id", TENANTS.harbor.id);
  await typeInto(page, "client-id", APPS.sync.clientId);
  await typeInto(page, "client-secret", APPS.sync.secret);
  // The Show toggle and the early check are buttons a keyboard can use too.
  await page.keyboard.press("Tab");
  await expect(page.getByRole("button", { name: "Show client secret value" })).toBeFocused();
  await page.keyboard.press("Space");
  await expect(page.locator("#client-secret")).toHaveAttribute("type", "text");
  await page.keyboard.press("Tab");
  await expect(page.getByRole("button", { name: "Check these credentials" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.getByText("These credentials work")).toBeVisible();

  const { day, month, year } = nextYear();
  await typeInto(page, "secret-expiry-day", day);
  await typeInto(page, "secret-expiry-month", month);
  await typeInto(page, "secret-expiry-year", year);
  await typeInto(page, "test-mailbox", MAILBOXES.agent);
  await tabTo(page, "send-test-message");
  await typeInto(page, "submitter-name", "Dana Whitfield");
  // Enter in a text box sends the form, as in any browser form.
  await page.keyboard.press("Enter");
  // A missing email address: the summary takes focus and its link leads to the field.
  await expect(page.getByRole("alert").filter({ hasText: "There is a problem" })).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(page.getByRole("link", { name: "Enter your email address" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.locator("#submitter-email")).toBeFocused();
  await page.keyboard.type("it@harbor.example");
  await page.keyboard.press("Enter");

  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Check your answers before sending");
  await expect(page.getByRole("heading", { level: 1 })).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(page.getByRole("link", { name: "Change Tenant ID" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.locator("#tenant-id")).toBeFocused();
  await expect(page.locator("#tenant-id")).toHaveValue(TENANTS.harbor.id);
  await page.keyboard.press("Enter");

  await expect(page.getByRole("heading", { level: 1 })).toBeFocused();
  for (let i = 0; i < 30; i++) {
    const onSend = await page.evaluate(() => document.activeElement?.textContent === "Send and check my details");
    if (onSend) break;
    await page.keyboard.press("Tab");
  }
  await expect(page.getByRole("button", { name: "Send and check my details" })).toBeFocused();
  await page.keyboard.press("Enter");
  await page.waitForURL(/\/submit\/status\//);
  await waitForOutcome(page, "verified");
});
