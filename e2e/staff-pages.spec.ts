import { expect, test } from "@playwright/test";
import { createStaff, expectAccessible, lib, PASSWORD, signInAs, uniqueIp } from "./staff-fixtures";

/** Sign-in, the staff area by role, staff accounts, the outbox and screen reports. */

test.afterAll(async () => (await lib()).closeDb());

test.beforeEach(async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
});

test("sign-in explains its problems, and takes people where they were going", async ({ page }) => {
  const staff = await createStaff("onboarding");
  await page.context().setExtraHTTPHeaders({ "x-forwarded-for": uniqueIp() });
  await page.goto("/staff/onboarding/import");
  await expect(page).toHaveURL(/\/staff\/sign-in\?next=%2Fstaff%2Fonboarding%2Fimport/);
  await expectAccessible(page, "sign-in");

  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert", { name: "There is a problem" }).getByRole("link")).toHaveText(["Enter your email address", "Enter your password"]);
  await expectAccessible(page, "sign-in-errors");

  await page.getByLabel("Email address").fill(staff.email);
  await page.getByLabel("Password").fill("not the password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert", { name: "There is a problem" }).getByRole("link")).toHaveText(["Enter a correct email address and password"]);
  await expect(page.getByLabel("Email address")).toHaveValue(staff.email);
  await expect(page.getByLabel("Password")).toHaveValue("");

  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/staff\/onboarding\/import$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Import brokerages from a CSV file");

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByText("You have signed out.")).toBeVisible();
  await page.goto("/staff/onboarding");
  await expect(page).toHaveURL(/\/staff\/sign-in/);
});

test("each role sees only its part of the staff area", async ({ page }) => {
  await signInAs(page, await createStaff("csm"));
  // Sign-in lands on the CSM's main page, the review queue.
  await expect(page).toHaveURL(/\/staff\/submissions$/);
  await expectAccessible(page, "home-csm");
  const nav = page.getByRole("navigation", { name: "Staff area" });
  await expect(nav.getByRole("link")).toHaveText(["Staff home", "Submissions", "Secret expiry", "Outbox", "Screen reports"]);
  await page.goto("/staff/onboarding");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page not found");
  await page.goto("/staff/audit");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page not found");
  await page.goto("/staff/admin");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page not found");
  await expectAccessible(page, "not-found");
});

test("the outbox and the screen reports list what there is, newest first", async ({ page }) => {
  const { db, screenReports, outgoingMessages } = await lib();
  const stamp = Date.now().toString(36);
  await db()
    .insert(screenReports)
    .values([
      { step: "register-app", body: `Older report ${stamp}`, browser: "Firefox 140", createdAt: new Date(Date.now() - 3_600_000) },
      { step: "grant-admin-consent", body: `The button is now called "Grant consent" ${stamp}`, browser: "Edge 141" },
    ]);
  await db().insert(outgoingMessages).values({ kind: "note", toAddress: `csm-${stamp}@staff.example`, subject: `A message ${stamp}`, textBody: "Body text", status: "outbox" });
  await signInAs(page, await createStaff("csm"));

  await page.getByRole("link", { name: "Screen reports" }).first().click();
  const reports = page.getByRole("row").filter({ hasText: stamp });
  await expect(reports).toHaveCount(2);
  await expect(reports.nth(0)).toContainText("grant-admin-consent");
  await expect(reports.nth(0)).toContainText("Edge 141");
  await expect(reports.nth(1)).toContainText("register-app");
  await expectAccessible(page, "reports");

  await page.getByRole("link", { name: "Outbox" }).first().click();
  const row = page.getByRole("row").filter({ hasText: `A message ${stamp}` });
  await expect(row).toContainText("In outbox");
  await row.getByText(`A message ${stamp}`).click();
  await expect(row.getByText("Body text")).toBeVisible();
  await expectAccessible(page, "outbox");
});

test("a staff administrator adds an account, changes a role, and disables an account, which ends its sessions", async ({ page, browser }) => {
  const admin = await createStaff("admin");
  const colleague = await createStaff("onboarding");
  const theirs = await browser.newContext();
  const theirPage = await theirs.newPage();
  await signInAs(theirPage, colleague);

  await signInAs(page, admin);
  await page.getByRole("link", { name: "Staff accounts" }).first().click();
  await expectAccessible(page, "admin");
  await page.getByRole("link", { name: "Add a staff account" }).click();
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("alert", { name: "There is a problem" }).getByRole("link")).toHaveText(["Enter their full name", "Enter their email address", "Choose a role", "Enter a password"]);
  await expectAccessible(page, "admin-new-errors");
  const email = `new-${Date.now().toString(36)}@e2e.example`;
  await page.getByLabel("Full name").fill("Nadia New");
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Customer-success manager").check();
  await page.getByLabel("Password").fill("short");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByRole("alert", { name: "There is a problem" }).getByRole("link")).toHaveText(["Password must be 12 characters or more"]);
  await expect(page.getByLabel("Full name")).toHaveValue("Nadia New");
  await page.getByLabel("Password").fill("a long enough password");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText("Staff account created.")).toBeVisible();
  await expect(page.getByRole("row", { name: /Nadia New/ })).toContainText(email);

  await page.getByLabel(`Role for ${colleague.name}`).selectOption("csm");
  await page.getByRole("button", { name: `Change role for ${colleague.name}` }).click();
  await expect(page.getByText(`${colleague.name} is now: customer-success manager.`)).toBeVisible();

  await page.getByRole("button", { name: `Disable ${colleague.name}` }).click();
  await expect(page.getByText(`${colleague.name} can no longer sign in, and was signed out everywhere.`)).toBeVisible();
  await expect(page.getByRole("row", { name: new RegExp(colleague.name) })).toContainText("Disabled");
  await expectAccessible(page, "admin-after-changes");

  await theirPage.goto("/staff");
  await expect(theirPage).toHaveURL(/\/staff\/sign-in/);
  await theirPage.getByLabel("Email address").fill(colleague.email);
  await theirPage.getByLabel("Password").fill(colleague.password);
  await theirPage.getByRole("button", { name: "Sign in" }).click();
  await expect(theirPage.getByRole("alert", { name: "There is a problem" })).toContainText("This account is disabled. Ask a staff administrator to turn it back on.");
  await theirs.close();

  // Nobody can lock themselves out.
  await expect(page.getByRole("button", { name: `Disable ${admin.name}` })).toHaveCount(0);
});
