import { test } from "@playwright/test";
import { seedStaffScreens } from "./staff-screens-fixtures";
import { createStaff, lib, signInAs } from "./staff-fixtures";

test.afterAll(async () => (await lib()).closeDb());

test("after shots", async ({ page }) => {
  test.setTimeout(180_000);
  const csm = await createStaff("csm", "Casey Reviewer");
  const admin = await createStaff("admin", "Alex Admin");
  const data = await seedStaffScreens(csm, admin);
  const dir = "/work/wt/notes/shots-19-staff";
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto("/staff/sign-in");
  for (const w of [1280, 390]) {
    await page.setViewportSize({ width: w, height: 900 });
    await page.screenshot({ path: `${dir}/after-sign-in-${w}.png`, fullPage: true });
  }
  await signInAs(page, admin);
  const pages: Array<[string, string]> = [
    ["home", "/staff"],
    ["queue", `/staff/submissions?q=${encodeURIComponent(data.warned.brokerage.name)}`],
    ["detail", `/staff/submissions/${data.warned.attemptId}`],
    ["expiry", "/staff/expiry"],
    ["audit", "/staff/audit"],
    ["brokerage", `/staff/onboarding/brokerages/${data.withLink.brokerage.id}`],
    ["api-keys", "/staff/admin/api-keys"],
    ["staff-accounts", "/staff/admin"],
  ];
  for (const [name, url] of pages) {
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(url);
    for (const w of [1280, 390]) {
      await page.setViewportSize({ width: w, height: 900 });
      await page.screenshot({ path: `${dir}/after-${name}-${w}.png`, fullPage: true });
    }
  }
});
