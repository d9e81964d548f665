import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import postgres from "postgres";

/** The anchors verification results link to (DESIGN §4 guideAnchor): a contract, so listed here literally. */
const ANCHORS = [
  "before-you-start",
  "register-app",
  "copy-ids",
  "add-permissions",
  "grant-consent",
  "create-secret",
  "copy-secret-value",
  "choose-test-mailbox",
  "limit-mailbox-access",
  "submit",
  "troubleshooting",
];
const STEPS = ANCHORS.filter((a) => a !== "before-you-start" && a !== "troubleshooting");
const PERMISSIONS = ["Calendars.ReadWrite", "Contacts.ReadWrite", "Mail.Send"];

async function clipboard(page: Page) {
  return page.evaluate(() => navigator.clipboard.readText());
}

test.beforeEach(async ({ context }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
});

test("the guide has no accessibility violations, closed or with a report form open", async ({ page }) => {
  await page.goto("/guide");
  const scan = () => new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]).analyze();
  expect((await scan()).violations).toEqual([]);

  const section = page.locator("#grant-consent");
  await section.getByText("This screen looks different").click();
  await section.getByRole("button", { name: "Send report" }).click();
  await expect(section.getByText("Error: Describe what looks different")).toBeVisible();
  await page.getByLabel("PowerShell on your computer").check();
  expect((await scan()).violations).toEqual([]);
});

test("every anchor exists, with a heading, and each step has a drawing with a text alternative", async ({ page }) => {
  await page.goto("/guide");
  for (const anchor of ANCHORS) {
    const section = page.locator(`section#${anchor}`);
    await expect(section, anchor).toHaveCount(1);
    await expect(section.getByRole("heading", { level: 2 })).toBeVisible();
  }
  for (const anchor of STEPS) {
    const drawing = page.locator(`section#${anchor} figure`).getByRole("img");
    await expect(drawing, anchor).toHaveCount(1);
    await expect(drawing).toHaveAccessibleName(/^Drawing of .+\.$/);
    await expect(drawing).toHaveAccessibleDescription(/.{80,}/);
  }
  await expect(page.locator("section#register-app figure").getByRole("img")).toHaveAccessibleDescription(/MoxiEngage sync/);
});

test("the permissions are named exactly, each with a copy button that copies exactly that name", async ({ page }) => {
  await page.goto("/guide");
  const listed = page.locator("#add-permissions [data-permission]");
  await expect(listed).toHaveCount(3);
  expect(await listed.evaluateAll((items) => items.map((i) => i.getAttribute("data-permission")))).toEqual(PERMISSIONS);
  await expect(page.locator("#add-permissions [data-permission] code")).toHaveText(PERMISSIONS);
  await expect(page.locator("#before-you-start table code")).toHaveText(PERMISSIONS);

  for (const name of PERMISSIONS) {
    await page.getByRole("button", { name: `Copy ${name}`, exact: true }).click();
    expect(await clipboard(page)).toBe(name);
  }
  await page.getByRole("button", { name: "Copy the app name" }).click();
  expect(await clipboard(page)).toBe("MoxiEngage sync");
  await page.getByRole("button", { name: "Copy the secret description" }).click();
  expect(await clipboard(page)).toBe("MoxiEngage access");
  await expect(page.locator("#create-secret").getByRole("status").filter({ hasText: "Copied" })).toBeVisible();
});

test("the whole guide works by keyboard", async ({ page }) => {
  await page.goto("/guide");
  // Everything visible that Tab should reach, marked before any key is pressed (radio groups are one stop).
  const focusables = await page.evaluate(() => {
    const all = [...document.querySelectorAll<HTMLElement>("a[href], button, input, select, textarea, summary, [tabindex='0']")];
    const expected = all
      .filter((el) => el.checkVisibility() && !(el as HTMLButtonElement).disabled && el.tabIndex >= 0)
      .filter((el) => (el as HTMLInputElement).type !== "radio" || (el as HTMLInputElement).checked);
    for (const el of expected) el.dataset.keyboardExpected = "1";
    return expected.length;
  });
  expect(focusables).toBeGreaterThan(50);

  // Tab from the top of the page to the footer, recording every element that takes focus.
  const reached = new Set<string>();
  let checkboxToggled = false;
  let copied = false;
  for (let i = 0; i < focusables + 10; i++) {
    await page.keyboard.press("Tab");
    const focused = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el || el === document.body) return null;
      el.dataset.keyboardVisit = "1";
      return { id: el.id, name: el.getAttribute("aria-label") ?? el.textContent?.trim() ?? "", tag: el.tagName };
    });
    if (!focused) continue;
    reached.add(`${focused.tag}#${focused.id}:${focused.name}`);
    if (focused.id === "done-register-app" && !checkboxToggled) {
      await page.keyboard.press("Space");
      await expect(page.locator("#done-register-app")).toBeChecked();
      checkboxToggled = true;
    }
    if (focused.tag === "BUTTON" && focused.name === "Copy Contacts.ReadWrite" && !copied) {
      await page.keyboard.press("Enter");
      await expect.poll(() => clipboard(page)).toBe("Contacts.ReadWrite");
      copied = true;
    }
  }
  expect(checkboxToggled).toBe(true);
  expect(copied).toBe(true);
  await expect(page.getByText("1 of 9 steps done")).toBeVisible();

  // Nothing visible and interactive was skipped by Tab.
  const missed = await page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>("[data-keyboard-expected]")].filter((el) => !el.dataset.keyboardVisit).map((el) => el.outerHTML.slice(0, 80)),
  );
  expect(missed).toEqual([]);

  // A report form opens and sends by keyboard too.
  const summary = page.locator("#copy-ids summary");
  await summary.focus();
  await page.keyboard.press("Enter");
  await expect(page.locator("#report-copy-ids-body")).toBeVisible();
});

test("ticked steps and the progress survive a reload, and can be cleared", async ({ page }) => {
  await page.goto("/guide");
  await expect(page.getByText("0 of 9 steps done")).toBeVisible();
  await page.getByLabel("I have done step 2").check();
  await page.getByLabel("I have done step 8, or chosen to skip it").check();
  await expect(page.getByText("2 of 9 steps done")).toBeVisible();

  await page.reload();
  await expect(page.getByLabel("I have done step 2")).toBeChecked();
  await expect(page.getByLabel("I have done step 8, or chosen to skip it")).toBeChecked();
  await expect(page.getByLabel("I have done step 1", { exact: true })).not.toBeChecked();
  await expect(page.getByText("2 of 9 steps done")).toBeVisible();
  await expect(page.getByRole("link", { name: "2. Copy the tenant ID and client ID (done)" })).toBeVisible();

  await page.getByRole("button", { name: "Clear all ticks" }).click();
  await expect(page.getByText("0 of 9 steps done")).toBeVisible();
  await page.reload();
  await expect(page.getByLabel("I have done step 2")).not.toBeChecked();
});

test("the setup script follows the form and quotes the app name", async ({ page }) => {
  await page.goto("/guide");
  const script = page.locator("#setup-script pre");
  await expect(script).toContainText("APP_NAME='MoxiEngage sync'");
  await expect(script).toContainText("SECRET_MONTHS=24");
  for (const id of ["00000003-0000-0000-c000-000000000000", "ef54d2bf-783f-4e0f-bca1-3210c0444d99", "6918b873-d17a-4dc1-b314-35f528134491", "b633e1c5-b582-4048-a93e-9f11b44c7e96"]) {
    await expect(script).toContainText(id);
  }

  const name = page.getByLabel("App name");
  await name.fill("O'Brien $(reboot)");
  await page.getByLabel("Secret lifetime").selectOption("12");
  await expect(script).toContainText(`APP_NAME='O'\\''Brien $(reboot)'`);
  await expect(script).toContainText("SECRET_MONTHS=12");

  await page.getByLabel("PowerShell on your computer").check();
  await expect(script).toContainText("$AppName = 'O''Brien $(reboot)'");
  await expect(script).toContainText("$SecretMonths = 12");
  await page.getByRole("button", { name: "Copy the script" }).click();
  expect(await clipboard(page)).toContain("$AppName = 'O''Brien $(reboot)'");

  await name.fill("   ");
  await expect(page.getByText("Error: Enter a name for the app")).toBeVisible();
  await expect(name).toHaveAttribute("aria-invalid", "true");
  await expect(script).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Copy the script" })).toHaveCount(0);
});

test("'This screen looks different' explains bad input, then records the report for staff", async ({ page }) => {
  const sql = postgres(process.env.E2E_DATABASE_URL!, { max: 1 });
  try {
    const marker = `e2e report ${Date.now()}`;
    await page.goto("/guide");
    const section = page.locator("#add-permissions");
    await section.getByText("This screen looks different").click();
    await expect(section.getByLabel("Browser (optional)")).toHaveValue(/Chrome/);
    await section.getByRole("button", { name: "Send report" }).click();
    await expect(section.getByText("Error: Describe what looks different")).toBeVisible();
    await expect(section.getByLabel("What looks different?")).toBeFocused();
    expect(await sql`select 1 from screen_reports where body = ${marker}`).toHaveLength(0);

    await section.getByLabel("What looks different?").fill(`  ${marker}  `);
    await section.getByRole("button", { name: "Send report" }).click();
    await expect(section.getByRole("status").filter({ hasText: "Your report about step 3" })).toBeVisible();
    const rows = await sql`select step, browser, body from screen_reports where body = ${marker}`;
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ step: "add-permissions", body: marker, browser: expect.stringContaining("Chrome") });
  } finally {
    await sql.end();
  }
});

test("the Global Administrator link is a mailto that carries the guide's address and no secret", async ({ page }) => {
  await page.goto("/guide");
  const link = page.getByRole("link", { name: "Send these steps to my Global Administrator" }).first();
  const href = (await link.getAttribute("href"))!;
  expect(href).toMatch(/^mailto:\?subject=/);
  const body = new URL(href).searchParams.get("body")!;
  expect(body).toMatch(/https?:\/\/\S+\/guide#grant-consent/);
  expect(body).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}/i);
});

test("on a phone the page never scrolls sideways, and printing leaves out the interactive parts", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/guide");
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("navigation", { name: "Contents and progress" })).toBeHidden();
  await expect(page.getByLabel("I have done step 1", { exact: true })).toBeHidden();
  await expect(page.getByRole("button", { name: "Copy Mail.Send" })).toBeHidden();
  await expect(page.locator("#copy-ids summary")).toBeHidden();
  await expect(page.locator("section#copy-secret-value figure")).toBeVisible();
  await expect(page.locator("#troubleshooting")).toBeVisible();
});
