import { mkdirSync } from "node:fs";
import path from "node:path";
import { request as playwrightRequest, expect, type Page } from "@playwright/test";
import { count, eq } from "drizzle-orm";
import { createDb, type Database } from "@/lib/db/client";
import { brokerages, submissionAttempts } from "@/lib/db/schema";
import { createInvite } from "@/lib/invites/create-invite";

/**
 * What the form's end-to-end tests share: the e2e database (to make invites and
 * check what was stored), the Microsoft 365 simulator's control API, and helpers
 * that fill the form the way an administrator does.
 */

let database: Database | undefined;
export function e2eDb(url = process.env.E2E_DATABASE_URL): Database {
  if (!url) throw new Error("E2E_DATABASE_URL is not set: run the end-to-end tests with `npm test -- e2e`");
  database ??= createDb(url, { max: 2 });
  return database;
}

/** A brokerage with a fresh invite; returns the path of its link. */
export async function newInvite(name: string, db = e2eDb()) {
  const unique = `${name} ${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  return db.transaction(async (tx) => {
    const [brokerage] = await tx.insert(brokerages).values({ name: unique, emailDomain: "harbor.example" }).returning();
    const invite = await createInvite(tx, { brokerageId: brokerage!.id, recipientEmail: "it@harbor.example" });
    return { brokerageId: brokerage!.id, name: unique, token: invite.token, path: `/invite/${invite.token}` };
  });
}

/** Opening an invite link the way a person does: the link's page, then "Continue" (a GET alone opens nothing). */
export async function openInvite(page: Page, path: string) {
  await page.goto(path);
  await page.getByRole("button", { name: "Continue" }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/invite/") || url.pathname === "/invite/unusable");
}

export async function attemptsOf(brokerageId: string, db = e2eDb()) {
  return db.select().from(submissionAttempts).where(eq(submissionAttempts.brokerageId, brokerageId)).orderBy(submissionAttempts.number);
}

export async function attemptCount(brokerageId: string, db = e2eDb()) {
  const [row] = await db.select({ n: count() }).from(submissionAttempts).where(eq(submissionAttempts.brokerageId, brokerageId));
  return row?.n ?? 0;
}

export async function stageOf(brokerageId: string, db = e2eDb()) {
  const [row] = await db.select({ stage: brokerages.stage }).from(brokerages).where(eq(brokerages.id, brokerageId));
  return row?.stage;
}

/** The simulator the portal under test talks to (playwright.config.ts starts it; the portal trusts its certificate). */
export const SIM_URL = `https://localhost:${Number(process.env.E2E_SIMULATOR_PORT ?? 4611)}`;

async function simulator(method: "POST" | "DELETE", pathname: string, data: object = {}) {
  const context = await playwrightRequest.newContext({ ignoreHTTPSErrors: true });
  try {
    const response = await context.fetch(`${SIM_URL}/_sim${pathname}`, { method, data });
    expect(response.ok(), `simulator ${pathname}: ${response.status()}`).toBe(true);
  } finally {
    await context.dispose();
  }
}
/** Back to the seeded scenarios; `latencyMs` slows every answer, to watch a run as it goes. */
export const resetSimulator = (latencyMs = 0) => simulator("POST", "/reset", { latencyMs });
export const fixScenario = (key: string) => simulator("POST", `/scenarios/${key}/fix`);
/** Removes an app's tenant-wide Graph admin consent (its tokens then carry no roles). */
export const removeGraphConsent = (clientId: string) => simulator("DELETE", `/apps/${clientId}/consent`);

export type FormValues = {
  tenantId: string;
  clientId: string;
  clientSecret: string;
  expires?: { day: string; month: string; year: string };
  testMailbox: string;
  name?: string;
  email?: string;
};

export function nextYear() {
  return { day: "15", month: "6", year: String(new Date().getUTCFullYear() + 1) };
}

export const field = (page: Page, label: string) => page.getByLabel(label, { exact: true });

export async function fillForm(page: Page, values: Partial<FormValues>) {
  if (values.tenantId !== undefined) await field(page, "Tenant ID").fill(values.tenantId);
  if (values.clientId !== undefined) await field(page, "Client ID").fill(values.clientId);
  if (values.clientSecret !== undefined) await field(page, "Client secret value").fill(values.clientSecret);
  if (values.expires) {
    await field(page, "Day").fill(values.expires.day);
    await field(page, "Month").fill(values.expires.month);
    await field(page, "Year").fill(values.expires.year);
  }
  if (values.testMailbox !== undefined) await field(page, "Test mailbox").fill(values.testMailbox);
  if (values.name !== undefined) await field(page, "Full name").fill(values.name);
  if (values.email !== undefined) await field(page, "Email address").fill(values.email);
}

/** Continue, then Send on "Check your answers"; resolves on the status page. */
export async function sendForm(page: Page) {
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Check your answers before sending");
  await page.getByRole("button", { name: "Send and check my details" }).click();
  await page.waitForURL(/\/submit\/status\//);
}

export async function waitForOutcome(page: Page, outcome: "verified" | "failed" | "inconclusive") {
  await expect(page.locator(`[data-phase="${outcome}"]`)).toBeVisible({ timeout: 45_000 });
}

const SCREENSHOTS = path.join(process.cwd(), ".data", "screenshots");

/** Full-page screenshots at desktop and phone widths, for people to look at. */
export async function capture(page: Page, name: string) {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const original = page.viewportSize();
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: path.join(SCREENSHOTS, `${name}-${width}.png`), fullPage: true });
  }
  if (original) await page.setViewportSize(original);
}
