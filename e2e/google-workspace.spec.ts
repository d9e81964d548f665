import { expect, request as playwrightRequest, test } from "@playwright/test";
import { brokerages } from "@/lib/db/schema";
import { GOOGLE_SCOPE_STRINGS } from "@/lib/google/scopes";
import { createInvite } from "@/lib/invites/create-invite";
import { googleSimulatorURL } from "../playwright.config";
import { e2eDb, waitForOutcome, openInvite } from "./support/portal";
import { createStaff, expectAccessible, signInAs } from "./staff-fixtures";

/**
 * Google Workspace end to end (DESIGN §10): an invite for a Google domain opens the Google
 * branch, the administrator sends the domain and a test user, the checks find a missing scope,
 * the super administrator adds it (the Google simulator's control API stands in for the Admin
 * console), the resubmission verifies, and a CSM approves it.
 */

async function googleControl(pathname: string, data: object) {
  const context = await playwrightRequest.newContext({ ignoreHTTPSErrors: true });
  try {
    const response = await context.post(`${googleSimulatorURL}/_sim/google${pathname}`, { data });
    expect(response.ok(), `google simulator ${pathname}: ${response.status()}`).toBe(true);
  } finally {
    await context.dispose();
  }
}

async function googleInvite() {
  const name = `Oakridge Homes ${Date.now().toString(36)}`;
  return e2eDb().transaction(async (tx) => {
    const [brokerage] = await tx.insert(brokerages).values({ name, emailDomain: "oakridge.example" }).returning();
    const invite = await createInvite(tx, { brokerageId: brokerage!.id, recipientEmail: "it@oakridge.example" });
    return { brokerageId: brokerage!.id, name, path: `/invite/${invite.token}` };
  });
}

test("a Google Workspace brokerage goes from invite to a missing scope, fixes it, verifies and is approved", async ({ page }) => {
  // The whole journey, two runs and axe on six pages at two widths.
  test.setTimeout(180_000);
  await googleControl("/reset", {});
  const invite = await googleInvite();
  await openInvite(page, invite.path);
  await expect(page).toHaveURL(/\/guide\/google-workspace\?from=invite$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Google Workspace");
  await expect(page.getByTestId("google-scope-list")).toHaveText(GOOGLE_SCOPE_STRINGS.join(","));
  await expect(page.getByRole("button", { name: /Copy the scope list/ })).toBeVisible();
  await expect(page.getByRole("link", { name: /Admin console with the client ID and scopes filled in/ })).toHaveAttribute("href", /clientIdToAdd=\d+&clientScopeToAdd=/);
  await expect(page.getByRole("img", { name: "Manage Domain Wide Delegation: Add a new client ID." })).toBeVisible();
  await expectAccessible(page, "google-guide");

  await page.getByRole("region", { name: "Your invite link is open" }).getByRole("link", { name: "Continue to the form" }).click();
  await expect(page).toHaveURL(/\/submit\/google-workspace$/);
  await page.getByRole("button", { name: "Send and check" }).click();
  await expect(page.getByRole("alert").getByRole("heading", { name: "There is a problem" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Enter your Google Workspace domain" })).toBeVisible();
  await expectAccessible(page, "google-form-errors");

  await page.getByLabel("Google Workspace domain", { exact: true }).fill("oakridge.example");
  await page.getByLabel("Test user", { exact: true }).fill("agent@oakridge.example");
  await page.getByLabel("Full name", { exact: true }).fill("Rosa Ortiz");
  await page.getByLabel("Email address", { exact: true }).fill("rosa@oakridge.example");
  await page.getByRole("button", { name: "Send and check" }).click();
  await page.waitForURL(/\/submit\/status\//);
  await waitForOutcome(page, "failed");
  await expect(page.locator("#check-token").getByText("Google issues a token for each scope, acting as the test user", { exact: true })).toBeVisible();
  await expect(page.getByText("Your Microsoft 365 tenant exists and owns the test mailbox")).toHaveCount(0);
  await expect(page.getByText("Some scopes are not authorised").first()).toBeVisible();
  await expect(page.getByText(/Not authorised: https:\/\/www\.googleapis\.com\/auth\/gmail\.send/).first()).toBeVisible();
  await expect(page.getByRole("link", { name: /Open the setup guide/ }).first()).toHaveAttribute("href", "/guide/google-workspace#google-add-delegation");
  await expectAccessible(page, "google-status-failed");

  // The super administrator pastes the full list in the Admin console.
  await googleControl("/delegation", { domain: "oakridge.example", scopes: GOOGLE_SCOPE_STRINGS });
  await page.goto("/submit/google-workspace");
  await expect(page.getByLabel("Google Workspace domain", { exact: true })).toHaveValue("oakridge.example");
  await page.getByRole("button", { name: "Send and check" }).click();
  await page.waitForURL(/\/submit\/status\//);
  await waitForOutcome(page, "verified");
  await expectAccessible(page, "google-status-verified");

  await page.context().clearCookies();
  await signInAs(page, await createStaff("csm"));
  await page.goto("/staff/submissions");
  await page.getByRole("link", { name: invite.name }).first().click();
  await expect(page.getByText("Domain-wide delegation to our service account")).toBeVisible();
  await expect(page.getByText("Google Workspace", { exact: true }).first()).toBeVisible();
  await page.getByRole("button", { name: "Approve these credentials" }).click();
  await expect(page.getByText("Approved. These are now the brokerage's active credentials")).toBeVisible();
  await expectAccessible(page, "google-staff-approved");
});
