import { expect, test } from "@playwright/test";
import { smtpPort } from "../playwright.config";
import { startMailServer } from "../tests/support/mail-server";
import { createBrokerageWithInvite, createStaff, expectAccessible, lib, signInAs } from "./staff-fixtures";

/** The onboarding pages as people use them: errors, the CSV import, filters; accessible at both widths. */

let mail: Awaited<ReturnType<typeof startMailServer>>;
test.beforeAll(async () => {
  mail = await startMailServer(smtpPort);
});
test.afterAll(async () => {
  await mail?.close();
  await (await lib()).closeDb();
});

test.beforeEach(async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await signInAs(page, await createStaff("onboarding"));
});

test("the brokerage form explains each problem the GOV.UK way and keeps what was typed", async ({ page }) => {
  await page.goto("/staff/onboarding/brokerages/new");
  await expectAccessible(page, "brokerage-new");
  await page.getByLabel("Email domain").fill("not a domain");
  await page.getByRole("button", { name: "Add brokerage" }).click();

  const summary = page.getByRole("alert", { name: "There is a problem" });
  await expect(summary).toBeFocused();
  await expect(page).toHaveTitle(/^Error: Add a brokerage/);
  await expect(summary.getByRole("link")).toHaveText(["Enter the brokerage's name", "Enter an email domain in the correct format, like harborrealty.com"]);
  await expect(page.getByLabel("Email domain")).toHaveValue("not a domain");
  await expect(page.getByLabel("Email domain")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByText("Error: Enter an email domain in the correct format, like harborrealty.com")).toBeVisible();
  await expectAccessible(page, "brokerage-new-errors");
  await summary.getByRole("link", { name: "Enter the brokerage's name" }).click();
  await expect(page.getByLabel("Brokerage name")).toBeFocused();

  const { brokerage } = await createBrokerageWithInvite();
  await page.getByLabel("Brokerage name").fill(brokerage.name.toUpperCase());
  await page.getByLabel("Email domain").fill("fine.example");
  await page.getByRole("button", { name: "Add brokerage" }).click();
  await expect(summary.getByRole("link")).toHaveText([`A brokerage called ${brokerage.name.toUpperCase()} already exists`]);
});

test("a brokerage's page, its edit form and the invite form are accessible, and the link is shown once", async ({ page }) => {
  const csm = await createStaff("csm", "Casey Success");
  const { brokerage, invite } = await createBrokerageWithInvite();
  await page.goto(`/staff/onboarding/brokerages/${brokerage.id}`);
  await expectAccessible(page, "brokerage");

  // Revoking asks first: the first button only opens the question.
  await page.locator("summary", { hasText: `Revoke the link for ${invite.recipientEmail}` }).click();
  await page.getByRole("button", { name: `Yes, revoke the link for ${invite.recipientEmail}` }).click();
  await expect(page.getByText("The link was revoked: it no longer opens the form.")).toBeVisible();
  await expect(page.getByRole("row", { name: new RegExp(invite.recipientEmail) })).toContainText("Revoked");
  const { db, invites, drizzle } = await lib();
  const [revoked] = await db().select().from(invites).where(drizzle.eq(invites.id, invite.id));
  expect(revoked?.revokedAt).toBeInstanceOf(Date);
  await expect(page.getByText("Expired", { exact: true })).toBeVisible();
  await expectAccessible(page, "brokerage-after-revoke");

  await page.getByRole("link", { name: "Change email domain" }).click();
  await expectAccessible(page, "brokerage-edit");
  await page.getByLabel("Assigned customer-success manager (optional)").selectOption({ label: csm.name });
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByText("Brokerage details saved.")).toBeVisible();
  await expect(page.getByText(`Details changed`)).toBeVisible();

  await page.getByRole("link", { name: "Create an invite link" }).click();
  await page.getByRole("button", { name: "Create invite link" }).click();
  await expect(page.getByRole("alert", { name: "There is a problem" }).getByRole("link")).toHaveText(["Enter the recipient's email address"]);
  await expectAccessible(page, "invite-new-errors");
  await page.getByLabel("Recipient's email address").fill("Person@Brokerage.Example");
  await page.getByLabel("Email the link to the recipient now").uncheck();
  await page.getByRole("button", { name: "Create invite link" }).click();
  await expect(page.getByText("The link was not emailed: send it to person@brokerage.example yourself.")).toBeVisible();
  await expectAccessible(page, "invite-created");
  await page.reload();
  await expect(page.getByText("Invite link created")).toHaveCount(0);
  await expect(page.locator("body")).not.toContainText("/invite/");
});

test("the CSV import creates the good lines and reports the rest, line by line", async ({ page }) => {
  const existing = await createBrokerageWithInvite();
  const stamp = Date.now().toString(36);
  const csv = [
    "brokerage name,email domain,recipient email,recipient name",
    `Import Good ${stamp},good-${stamp}.example,it@good-${stamp}.example,Ann`,
    `,bad domain,not-an-email,`,
    `Import Good ${stamp},again.example,x@again.example,`,
    `${existing.brokerage.name},dup.example,y@dup.example,`,
  ].join("\n");

  await page.goto("/staff/onboarding/import");
  await expectAccessible(page, "import");
  await page.getByRole("button", { name: "Import brokerages" }).click();
  await expect(page.getByRole("alert", { name: "There is a problem" }).getByRole("link")).toHaveText(["Select a CSV file"]);
  await expectAccessible(page, "import-errors");

  await page.getByLabel("Upload a CSV file").setInputFiles({ name: "brokerages.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
  await page.getByLabel("Email each recipient their link").uncheck();
  await page.getByRole("button", { name: "Import brokerages" }).click();
  await expect(page.getByText("1 brokerage created.")).toBeVisible();
  await expect(page.getByText("3 lines were not created: fix them and import those lines again.")).toBeVisible();
  const rows = page.getByRole("row");
  await expect(rows.filter({ hasText: `Import Good ${stamp}` }).first()).toContainText("Created");
  await expect(rows.filter({ hasText: "not-an-email" })).toContainText("Enter the brokerage's name");
  await expect(rows.filter({ hasText: "x@again.example" })).toContainText("The same brokerage is on line 2 of this file");
  await expect(rows.filter({ hasText: "y@dup.example" })).toContainText(`A brokerage called ${existing.brokerage.name} already exists`);
  await expect(page.getByLabel(`Invite link for Import Good ${stamp}`)).toHaveValue(/\/invite\/[A-Za-z0-9_-]{43}$/);
  await expectAccessible(page, "import-report");

  const template = await page.request.get("/staff/onboarding/import/template");
  expect(template.headers()["content-type"]).toContain("text/csv");
  expect(await template.text()).toMatch(/^brokerage name,email domain,recipient email,recipient name,CSM email/);
});

test("the pipeline filters by stage and finds brokerages by name, domain or recipient", async ({ page }) => {
  const invited = await createBrokerageWithInvite(`Filter Realty ${Date.now().toString(36)}`);
  await page.goto("/staff/onboarding");
  await expectAccessible(page, "pipeline");
  await page.getByRole("searchbox", { name: "Search" }).fill(invited.invite.recipientEmail);
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page.getByRole("heading", { name: /All brokerages: 1 brokerage/ })).toBeVisible();
  await expect(page.getByRole("link", { name: invited.brokerage.name })).toBeVisible();
  await page.getByRole("link", { name: /Opened/ }).click();
  await expect(page.getByText("No brokerages match these filters.")).toBeVisible();
  await page.getByRole("link", { name: /Invited/ }).click();
  await expect(page.getByRole("link", { name: invited.brokerage.name })).toBeVisible();
  await expect(page.getByRole("link", { name: /Invited/ })).toHaveAttribute("aria-current", "page");
});
