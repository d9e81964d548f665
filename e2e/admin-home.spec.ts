import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { APPS, MAILBOXES, TENANTS } from "../sim/scenarios";
import { approveFixture, createAttemptWithRun } from "./review-fixtures";
import { createBrokerageWithInvite, createStaff, lib, signInAs } from "./staff-fixtures";
import { capture, field, fillForm, newInvite, nextYear, resetSimulator, sendForm, waitForOutcome, type FormValues, openInvite as openInviteLink } from "./support/portal";

/**
 * The brokerage administrator's home and diagnosis: one thing to do per cause, naming
 * the guide step; the state of the session on every return; a domain that points at
 * another organisation flagged on both sides; swapped IDs recognised.
 */

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
test.afterAll(async () => {
  await (await lib()).closeDb();
});

async function expectAxeClean(page: Page, name: string) {
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`), `${name} at ${width}px`).toEqual([]);
  }
  await page.setViewportSize({ width: 1280, height: 900 });
  await capture(page, `admin-${name}`);
}

async function openInvite(page: Page, name: string) {
  const invite = await newInvite(name);
  await openInviteLink(page, invite.path);
  await expect(page).toHaveURL(/\/submit$/);
  return invite;
}

test("an unlicensed mailbox is one thing to do, naming step 7, said once", async ({ page }) => {
  await openInvite(page, "Diagnosis Realty");
  await fillForm(page, { ...good, testMailbox: MAILBOXES.newHire });
  await sendForm(page);
  await waitForOutcome(page, "failed");

  const diagnosis = page.locator("[data-diagnosis]");
  await expect(diagnosis.getByRole("heading", { level: 2 })).toHaveText("You need to do 1 thing");
  await expect(diagnosis.getByRole("heading", { level: 3 })).toHaveText("The test mailbox cannot be used by apps Step 7: Choose a test mailbox");
  const finding = diagnosis.locator("[data-finding]");
  await expect(finding).toHaveCount(1);
  await expect(finding.getByRole("listitem")).toHaveCount(3);
  await expect(finding.getByRole("link", { name: /Open step 7: Choose a test mailbox in the setup guide/ })).toHaveAttribute("href", "/guide#choose-test-mailbox");
  // The full list stays below, each failed row pointing up instead of repeating the fix.
  await expect(page.locator('[data-check="contacts.read"]')).toHaveAttribute("data-status", "fail");
  await expect(page.locator('[data-check="contacts.read"]').getByRole("link", { name: "The test mailbox cannot be used by apps: what to do" })).toBeVisible();
  await expect(page.getByText(/Microsoft reports the mailbox as unlicensed/)).toHaveCount(1);
  await expectAxeClean(page, "diagnosis");

  // "Fix and resubmit": the home leads with the same diagnosis above the form.
  await page.getByRole("link", { name: "Fix and resubmit" }).click();
  await expect(page.locator('[data-home="needs-fixing"]')).toContainText("Step 7: Choose a test mailbox");
  await expect(field(page, "Client secret value")).toHaveValue("");
  await expectAxeClean(page, "home-needs-fixing");
});

test("reopening the link after approval shows the approved state; replacing it is a choice", async ({ page, browser }) => {
  const invite = await openInvite(page, "Approved Home Realty");
  await expectAxeClean(page, "home-not-started");
  await fillForm(page, good);
  await sendForm(page);
  await waitForOutcome(page, "verified");

  await page.goto("/submit");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Your details work");
  await expect(page.getByLabel("Client secret value")).toHaveCount(0);
  await expectAxeClean(page, "home-verified");

  const { db, submissionAttempts, drizzle } = await lib();
  const [attempt] = await db().select().from(submissionAttempts).where(drizzle.eq(submissionAttempts.brokerageId, invite.brokerageId));
  const csm = await createStaff("csm");
  await approveFixture(attempt!.id, csm.id);

  const again = await browser.newContext();
  const reopened = await again.newPage();
  await openInviteLink(reopened, invite.path);
  await expect(reopened).toHaveURL(/\/submit$/);
  await expect(reopened.getByRole("heading", { level: 1 })).toHaveText("Your Microsoft 365 connection is approved");
  await expect(reopened.getByText("Attempt 1 is in use by the sync")).toBeVisible();
  await expect(reopened.getByLabel("Client secret value")).toHaveCount(0);
  await expectAxeClean(reopened, "home-approved");

  await reopened.getByRole("link", { name: "Replace these credentials" }).click();
  await expect(reopened).toHaveURL(/\/submit\?replace=1$/);
  await expect(reopened.locator("[data-replacing]")).toContainText("You are replacing attempt 1, which works.");
  await expect(reopened.getByLabel("Client secret value")).toBeVisible();
  await expectAxeClean(reopened, "home-replacing");
  await again.close();
});

test("a session that has ended says so and how to get a new link", async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto("/submit");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Your session has ended");
  await expect(page.getByText("Open the link in your invite email again")).toBeVisible();
  await expectAxeClean(page, "session-ended");
  await context.close();
});

test("swapped Tenant ID and Client ID are recognised and swapped on request", async ({ page }) => {
  await openInvite(page, "Swapped Realty");
  await field(page, "Tenant ID").fill(APPS.sync.clientId);
  await field(page, "Client ID").fill(TENANTS.harbor.id);
  await field(page, "Test mailbox").fill(MAILBOXES.agent);
  await field(page, "Test mailbox").blur();
  const offer = page.locator("[data-swapped]");
  await expect(offer).toContainText("The Tenant ID and Client ID look swapped");
  await expectAxeClean(page, "swapped-ids");
  await offer.getByRole("button", { name: "Swap the Tenant ID and Client ID" }).click();
  await expect(field(page, "Tenant ID")).toHaveValue(TENANTS.harbor.id);
  await expect(field(page, "Client ID")).toHaveValue(APPS.sync.clientId);
  await expect(page.getByText("harbor.example belongs to the tenant you entered.")).toBeVisible();
});

test("another organisation's mailbox and tenant: warned before sending, flagged to the CSM, approved only with a reason", async ({ page, browser }) => {
  await openInvite(page, "Mismatch Realty");
  await fillForm(page, { ...good, tenantId: TENANTS.summit.id, testMailbox: MAILBOXES.summitAgent });
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Check your answers before sending");
  await expect(page.getByText("The test mailbox is at summit.example, but your brokerage's email domain is harbor.example")).toBeVisible();
  await expect(page.getByText(/The Tenant ID is not the tenant Microsoft gives for harbor.example/)).toBeVisible();
  await expectAxeClean(page, "check-answers-mismatch");

  // The CSM's side: a verified attempt whose mailbox is not at the brokerage's own domain.
  const { brokerage } = await createBrokerageWithInvite();
  const { attempt } = await createAttemptWithRun({ brokerageId: brokerage.id, status: "verified" });
  const csm = await createStaff("csm");
  const staff = await browser.newContext();
  const csmPage = await staff.newPage();
  await signInAs(csmPage, csm);
  await csmPage.goto(`/staff/submissions/${attempt.id}`);
  const flag = csmPage.locator("[data-domain-mismatch]");
  await expect(flag).toContainText("These credentials may belong to another organisation");
  await expect(flag).toContainText(`The test mailbox is at harbor.example, not at the brokerage's domain ${brokerage.emailDomain}.`);
  await expectAxeClean(csmPage, "csm-mismatch");

  await csmPage.getByRole("button", { name: "Approve despite the mismatch" }).click();
  await expect(csmPage.getByRole("alert", { name: "There is a problem" })).toContainText("Give the reason for approving although the domains do not match");
  await expect(csmPage.locator("#mismatch-reason")).toHaveAttribute("aria-invalid", "true");
  const { db, credentialApprovals, auditEvents, drizzle } = await lib();
  expect(await db().$count(credentialApprovals, drizzle.eq(credentialApprovals.attemptId, attempt.id))).toBe(0);

  await csmPage.getByLabel("Why approve although the domains do not match").fill("The brokerage uses its parent company's tenant");
  await csmPage.getByRole("button", { name: "Approve despite the mismatch" }).click();
  // The notice's `?notice=` is dropped from the address once shown, so the approval itself is what is awaited.
  await expect.poll(() => db().$count(credentialApprovals, drizzle.eq(credentialApprovals.attemptId, attempt.id)), { timeout: 10_000 }).toBe(1);
  const [audit] = await db()
    .select()
    .from(auditEvents)
    .where(drizzle.and(drizzle.eq(auditEvents.subjectId, attempt.id), drizzle.eq(auditEvents.action, "attempt.approved")));
  expect(audit?.detail).toMatchObject({ domainMismatch: ["mailbox"], mismatchReason: "The brokerage uses its parent company's tenant" });
  await staff.close();
});
