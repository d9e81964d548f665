import { mkdirSync } from "node:fs";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { MAILBOXES } from "../sim/scenarios";
import { field, newInvite, resetSimulator, waitForOutcome, openInvite } from "./support/portal";

/**
 * "Connect with Microsoft" as an administrator meets it, through the simulator's
 * admin-consent page: from the invite link to verified without typing an id or a
 * secret, at desktop and phone widths, with no axe violations on the portal's pages.
 */

// The simulator's consent page is served over HTTPS with a local CA the browser does not know.
test.use({ ignoreHTTPSErrors: true });

const SHOTS = process.env.E2E_SHOTS_DIR ?? path.join(process.cwd(), ".data", "screenshots");

async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
}

async function shot(page: Page, name: string, width: number) {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS, `${name}-${width}.png`), fullPage: true });
}

test.beforeEach(async () => {
  await resetSimulator();
});

for (const width of [1280, 390]) {
  test(`from the invite link to verified with Connect with Microsoft, at ${width} px`, async ({ page }) => {
    test.setTimeout(120_000);
    await page.setViewportSize({ width, height: 900 });
    const invite = await newInvite(`Consent Realty ${width}`);
    await openInvite(page, invite.path);
    await expect(page).toHaveURL(/\/submit$/);
    // Offered first, before the certificate and the secret.
    const offer = page.getByTestId("connect-with-microsoft");
    await expect(offer).toContainText("Global Administrator or Privileged Role Administrator");
    await offer.getByRole("link", { name: "Connect with Microsoft" }).click();

    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Connect with Microsoft");
    await expect(page.getByText("Send mail as any user (Mail.Send)", { exact: false })).toBeVisible();
    await expect(page.getByText("Forward your invite email to your Global Administrator", { exact: false })).toBeVisible();
    await expectNoAxeViolations(page);
    await shot(page, "connect", width);

    await page.getByRole("button", { name: "Sign in with Microsoft" }).click();
    await expect(page.getByRole("heading", { name: "Permissions requested" })).toBeVisible();
    await page.getByLabel("admin@harbor.example (Global Administrator)").check();
    await shot(page, "simulator-consent", width);
    const accepted = Date.now();
    await page.getByRole("button", { name: "Accept" }).click();

    await expect(page).toHaveURL(/\/submit\/connect\/mailbox\?consent=/);
    await expect(page.getByText("Admin consent granted")).toBeVisible();
    await expect(page.getByText("Your tenant’s domains: harbor.example", { exact: false })).toBeVisible();
    await expect(field(page, "Tenant ID")).toHaveCount(0);
    await expect(field(page, "Client secret value")).toHaveCount(0);
    await expectNoAxeViolations(page);
    await shot(page, "mailbox", width);

    await field(page, "Test mailbox").fill(MAILBOXES.agent);
    await field(page, "Full name").fill("Dana Whitfield");
    await field(page, "Email address").fill("it@harbor.example");
    await page.getByRole("button", { name: "Send and check" }).click();
    await page.waitForURL(/\/submit\/status\//);
    await waitForOutcome(page, "verified");
    console.log(`consent accepted → verified at ${width} px: ${Date.now() - accepted} ms (includes typing the mailbox form)`);
    await expectNoAxeViolations(page);
    await shot(page, "verified", width);
  });
}

test("Cancel on Microsoft's page: the reason and its fix, nothing granted", async ({ page }) => {
  const invite = await newInvite("Cancelled Consent Realty");
  await openInvite(page, invite.path);
  await page.goto("/submit/connect");
  await page.getByRole("button", { name: "Sign in with Microsoft" }).click();
  await page.getByRole("button", { name: "Cancel" }).click();
  await expect(page).toHaveURL(/\/submit\/connect\?consent=/);
  const problem = page.getByTestId("consent-problem");
  await expect(problem).toContainText("Consent was not given");
  await expect(problem).toContainText("AADSTS65004");
  await expectNoAxeViolations(page);
  await shot(page, "cancelled", 1280);

  // Going back and replaying the callback does nothing more.
  await page.goBack();
  await expect(page.getByRole("heading", { name: "Permissions requested" })).toBeVisible();
  await page.getByRole("button", { name: "Accept" }).click();
  await expect(page.getByTestId("consent-problem")).toContainText("already been used or has expired");
});

test("an Application Administrator is refused, with who can grant it", async ({ page }) => {
  const invite = await newInvite("App Admin Consent Realty");
  await openInvite(page, invite.path);
  await page.goto("/submit/connect");
  await page.getByRole("button", { name: "Sign in with Microsoft" }).click();
  await page.getByLabel("apps@harbor.example (Application Administrator)").check();
  await page.getByRole("button", { name: "Accept" }).click();
  const problem = page.getByTestId("consent-problem");
  await expect(problem).toContainText("This account cannot grant these permissions");
  await expect(problem).toContainText("Global Administrator or Privileged Role Administrator");
});
