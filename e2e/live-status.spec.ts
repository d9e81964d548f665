import { expect, test } from "@playwright/test";
import { APPS, MAILBOXES, TENANTS } from "../sim/scenarios";
import { fillForm, newInvite, nextYear, resetSimulator, sendForm, waitForOutcome, openInvite } from "./support/portal";

test.beforeEach(async () => {
  await resetSimulator(150);
});

test.afterEach(async () => {
  await resetSimulator();
});

test("the live page reconnects after the events route failed, and still shows the outcome", async ({ page }) => {
  const invite = await newInvite("Reconnect Realty");
  // The first answers of the events route fail (a restarting server, the database away).
  let refused = 0;
  await page.route("**/api/attempts/*/events", async (route) => {
    if (refused < 2) {
      refused++;
      await route.fulfill({ status: 503, body: "Temporarily unavailable" });
      return;
    }
    await route.continue();
  });
  await openInvite(page, invite.path);
  await fillForm(page, {
    tenantId: TENANTS.harbor.id,
    clientId: APPS.sync.clientId,
    clientSecret: APPS.sync.secret,
    expires: nextYear(),
    testMailbox: MAILBOXES.agent,
    name: "Dana Whitfield",
    email: "it@harbor.example",
  });
  await sendForm(page);
  const url = page.url();
  await waitForOutcome(page, "verified");
  expect(refused).toBe(2);
  // Updated live, not by reloading.
  expect(page.url()).toBe(url);
});
