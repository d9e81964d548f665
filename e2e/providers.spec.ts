import { expect, test, type Page } from "@playwright/test";
import { brokerages } from "@/lib/db/schema";
import { createInvite } from "@/lib/invites/create-invite";
import { PROVIDER_CASES, type ProviderCase } from "../sim/providers";
import { e2eDb, openInvite } from "./support/portal";
import { createStaff, expectAccessible, signInAs } from "./staff-fixtures";

/**
 * From the work email domain to the branch of the guide that fits (DESIGN §10), against the
 * simulator's user-realm endpoint and the DNS server `npm run sim` starts (DNS_SERVERS in
 * playwright.config.ts). One domain per case, from sim/providers.ts.
 */

const FIELD = "Your work email address or domain (optional)";
const HEADINGS: Record<ProviderCase["key"], RegExp> = {
  microsoft: /setup guide/,
  godaddy: /^Microsoft 365 bought through GoDaddy$/,
  google: /^Google Workspace$/,
  other: /^Your email is not Microsoft 365 or Google Workspace$/,
  "no-mail": /^Your email is not Microsoft 365 or Google Workspace$/,
  unknown: /^We could not tell which email service foggyridge\.example uses$/,
};

async function findSteps(page: Page, typed: string) {
  await page.goto("/");
  await page.getByLabel(FIELD).fill(typed);
  await page.getByRole("button", { name: "Find the steps for my email" }).click();
}

/** A brokerage on `domain` with a fresh invite; returns the path of its link. */
async function inviteFor(domain: string) {
  const name = `Provider Realty ${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  return e2eDb().transaction(async (tx) => {
    const [brokerage] = await tx.insert(brokerages).values({ name, emailDomain: domain }).returning();
    const invite = await createInvite(tx, { brokerageId: brokerage!.id, recipientEmail: `it@${domain}` });
    return { brokerageId: brokerage!.id, path: `/invite/${invite.token}` };
  });
}

for (const c of PROVIDER_CASES) {
  test(`the start page leads ${c.domain} to its branch (${c.key})`, async ({ page }) => {
    await findSteps(page, `jordan@${c.domain}`);
    await expect(page).toHaveURL((url) => url.pathname === c.path);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(HEADINGS[c.key]!);
    await expectAccessible(page, `provider-${c.key}`);
  });
}

test("the unknown branch offers every path, each a working page", async ({ page }) => {
  await findSteps(page, "foggyridge.example");
  for (const [name, path] of [
    ["Microsoft 365", "/guide"],
    ["Microsoft 365 bought through GoDaddy", "/guide/godaddy"],
    ["Google Workspace", "/guide/google-workspace"],
    ["Something else, or no office email", "/guide/other-email"],
  ] as const) {
    await expect(page.getByRole("link", { name, exact: true })).toHaveAttribute("href", path);
  }
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the form still leads to the branch", async ({ page }) => {
    await findSteps(page, "pinecrest.example");
    await expect(page).toHaveURL(/\/guide\/godaddy$/);
    await expect(page.getByRole("heading", { level: 2, name: "Way 1: use the tenant’s built-in administrator account" })).toBeVisible();
  });
});

test("the question is optional, and a domain in the wrong format is named as such", async ({ page }) => {
  await findSteps(page, "");
  await expect(page).toHaveURL(/\/guide$/);

  await findSteps(page, "not a domain");
  await expect(page).toHaveURL(/\/email-provider\?domain=not/);
  await expect(page).toHaveTitle(/^Error: /);
  const summary = page.getByRole("alert");
  await expect(summary.getByRole("heading", { name: "There is a problem" })).toBeVisible();
  const message = "Enter a work email address or domain in the correct format, like yourbrokerage.com";
  await expect(summary.getByRole("link", { name: message })).toHaveAttribute("href", "#domain");
  await expect(page.getByLabel(FIELD)).toHaveValue("not a domain");
  await expect(page.getByLabel(FIELD)).toHaveAttribute("aria-invalid", "true");
  await expectAccessible(page, "provider-error");
});

test("the guide asks too, and the start page keeps its direct link", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("link", { name: "Start the setup guide" })).toHaveAttribute("href", "/guide");
  await page.goto("/guide");
  await page.getByText("Bought Microsoft 365 through GoDaddy, or on Google Workspace?").click();
  await page.getByLabel("Your work email address or domain").fill("maplegrove.example");
  await page.getByRole("button", { name: "Find the steps for my email" }).click();
  await expect(page).toHaveURL(/\/guide\/google-workspace$/);
});

test("an invite for a GoDaddy domain opens on the GoDaddy branch, with the form one click away", async ({ page }) => {
  const invite = await inviteFor("pinecrest.example");
  await openInvite(page, invite.path);
  await expect(page).toHaveURL(/\/guide\/godaddy\?from=invite$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Microsoft 365 bought through GoDaddy");
  const open = page.getByRole("region", { name: "Your invite link is open" });
  await expectAccessible(page, "provider-invite-godaddy-branch");
  await open.getByRole("link", { name: "Continue to the form" }).click();
  await expect(page).toHaveURL(/\/submit$/);
  const notice = page.getByRole("region", { name: "Your Microsoft 365 was bought through GoDaddy" });
  await expect(notice).toContainText("pinecrest.example signs in through GoDaddy");
  await expect(page.getByLabel("Tenant ID")).toBeVisible();
  await expectAccessible(page, "provider-invite-godaddy");
  await notice.getByRole("link", { name: "What to do with GoDaddy’s Microsoft 365" }).click();
  await expect(page).toHaveURL(/\/guide\/godaddy$/);
  await expect(page.getByRole("region", { name: "Your invite link is open" })).toHaveCount(0);
});

test("a Google Workspace invite opens on its branch; other domains get a notice on the form; Microsoft 365 ones say nothing", async ({ page }) => {
  await openInvite(page, (await inviteFor("maplegrove.example")).path);
  await expect(page).toHaveURL(/\/guide\/google-workspace\?from=invite$/);
  await page.getByRole("region", { name: "Your invite link is open" }).getByRole("link", { name: "Continue to the form" }).click();
  // Google Workspace has its own form; the Microsoft 365 one still says where to go.
  await expect(page).toHaveURL(/\/submit\/google-workspace$/);
  await page.goto("/submit");
  await expect(page.getByRole("region", { name: "Your email looks like Google Workspace" }).getByRole("link", { name: "send your Google Workspace details" })).toHaveAttribute("href", "/submit/google-workspace");
  await expect(page.getByRole("region", { name: "Your email looks like Google Workspace" }).getByRole("link", { name: "What to do with Google Workspace" })).toHaveAttribute("href", "/guide/google-workspace");

  await page.context().clearCookies();
  await openInvite(page, (await inviteFor("cedarhomes.example")).path);
  await expect(page).toHaveURL(/\/submit$/);
  await expect(page.getByRole("region", { name: "Your email does not look like Microsoft 365" }).getByRole("link")).toHaveAttribute("href", "/guide/other-email");

  await page.context().clearCookies();
  await openInvite(page, (await inviteFor("harbor.example")).path);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Submit your Microsoft 365 details");
  await expect(page.locator("#provider-notice-heading")).toHaveCount(0);
});

test("staff see the provider on the brokerage", async ({ page }) => {
  const invite = await inviteFor("pinecrest.example");
  await signInAs(page, await createStaff("onboarding"));
  await page.goto(`/staff/onboarding/brokerages/${invite.brokerageId}`);
  const row = page.locator("dl > div").filter({ hasText: "Email provider" });
  await expect(row).toContainText("Microsoft 365 managed by GoDaddy (federated sign-in)");
  await expect(row).toContainText("Users sign in at sso.secureserver.net");
  await expect(row).toContainText("Tenant ID 3f9c2d71-6a4e-4b8f-9d05-2c7e1a8b4f60");
});
