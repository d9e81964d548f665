import { X509Certificate } from "node:crypto";
import { readFileSync } from "node:fs";
import { expect, request as playwrightRequest, test, type Page } from "@playwright/test";
import { APPS, MAILBOXES, TENANTS } from "../sim/scenarios";
import { approveFixture } from "./review-fixtures";
import { lib } from "./staff-fixtures";
import { capture, field, newInvite, resetSimulator, SIM_URL, waitForOutcome, openInvite } from "./support/portal";
import { everyRowAsText } from "./support/second-portal";
import { smtpPort } from "../playwright.config";
import { startMailServer } from "../tests/support/mail-server";

/**
 * Rotation without downtime as the administrator meets it: approved with a certificate,
 * the 60-day reminder's link opens the rotation page with the next certificate made, they
 * download it and "upload" it beside the old one (the simulator's control API stands in
 * for the Entra admin center), tell the portal, and see it in use with the day the old
 * one may be deleted. No private key in any page, RSC payload or row.
 */

const PEM_MARKER = /PRIVATE KEY/;
const PEM_MARKER_HEX = Buffer.from("PRIVATE KEY", "utf8").toString("hex");
const DAY = 86_400_000;

const rotationLib = async () => ({
  ...(await lib()),
  ...(await import("@/lib/expiry/reminders")),
  ...(await import("@/lib/jobs/queue")),
  ...(await import("@/lib/env")),
});

test.beforeEach(async () => {
  await resetSimulator();
});

async function uploadToSimulatedApp(clientId: string, certificatePem: string) {
  const context = await playwrightRequest.newContext({ ignoreHTTPSErrors: true });
  try {
    const response = await context.fetch(`${SIM_URL}/_sim/apps/${clientId}/certificates`, { method: "POST", data: { certificate: certificatePem } });
    expect(response.status(), "upload to the simulated app registration").toBe(201);
  } finally {
    await context.dispose();
  }
}

async function downloadPem(page: Page) {
  const [pem] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download as .pem" }).click()]);
  return new X509Certificate(readFileSync((await pem.path())!, "utf8"));
}

test("a certificate rotation: the reminder's link, the new certificate uploaded beside the old, then in use", async ({ page }) => {
  test.setTimeout(180_000);
  const bodies: string[] = [];
  page.on("response", (response) => {
    if ((response.headers()["content-type"] ?? "").includes("text/event-stream")) return;
    void response.body().then((b) => bodies.push(`${response.url()}\n${b.toString("utf8")}`)).catch(() => undefined);
  });

  // Connected with a certificate, and approved.
  const invite = await newInvite("Rotation Realty");
  await openInvite(page, invite.path);
  await page.goto("/submit/certificate");
  await page.getByRole("button", { name: "Create the certificate" }).click();
  await expect(page.getByTestId("certificate-thumbprint")).toHaveText(/^[0-9a-f]{64}$/);
  const first = await downloadPem(page);
  await uploadToSimulatedApp(APPS.certificate.clientId, first.toString());
  await field(page, "Tenant ID").fill(TENANTS.harbor.id);
  await field(page, "Client ID").fill(APPS.certificate.clientId);
  await field(page, "Test mailbox").fill(MAILBOXES.agent);
  await field(page, "Full name").fill("Dana Whitfield");
  await field(page, "Email address").fill("it@harbor.example");
  await page.getByRole("button", { name: "Send and check" }).click();
  await page.waitForURL(/\/submit\/status\//);
  await waitForOutcome(page, "verified");
  const attemptId = new URL(page.url()).pathname.split("/").at(-1)!;
  await approveFixture(attemptId, "e2e-csm");

  // The daily job, 50 days before the certificate expires: the next certificate is made and the administrator told.
  // Links are stored masked (docs/security.md): the reminder's link is read where it arrives, at the mail server.
  const { sendExpiryReminders, stopSender, resetEnvCache } = await rotationLib();
  const mail = await startMailServer(smtpPort);
  process.env.SMTP_URL = `smtp://127.0.0.1:${smtpPort}`;
  resetEnvCache();
  let link: string;
  try {
    await sendExpiryReminders(new Date(new Date(first.validTo).getTime() - 50 * DAY)).finally(stopSender);
    const reminder = await mail.waitFor("it@harbor.example", 30_000, (m) => m.text.includes(invite.name) && /\/invite\/[A-Za-z0-9_-]{43}/.test(m.text));
    link = /\/invite\/[A-Za-z0-9_-]{43}/.exec(reminder.text)![0];
  } finally {
    delete process.env.SMTP_URL;
    resetEnvCache();
    await mail.close();
  }

  await openInvite(page, link);
  await expect(page).toHaveURL(/\/submit\/rotation$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Replace your certificate");
  const nextThumbprint = (await page.getByTestId("certificate-thumbprint").textContent())!;
  expect(nextThumbprint).not.toBe(first.fingerprint256.replace(/:/g, "").toLowerCase());
  await capture(page, "rotation-open");

  const next = await downloadPem(page);
  expect(next.fingerprint256.replace(/:/g, "").toLowerCase()).toBe(nextThumbprint);
  await uploadToSimulatedApp(APPS.certificate.clientId, next.toString());
  await page.getByRole("button", { name: "I uploaded it: check the new certificate" }).click();

  await expect(async () => {
    await page.reload();
    await expect(page.getByRole("heading", { name: "The new certificate is in use" })).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 60_000 });
  await expect(page.getByTestId("old-deletable-after")).toContainText("Keep the old certificate until");
  await capture(page, "rotation-completed");

  for (const path of ["/submit", "/submit/rotation", "/submit/history"]) {
    for (const headers of [{}, { RSC: "1" }] as Record<string, string>[]) {
      const response = await page.request.get(path, { headers });
      expect(response.status(), path).toBe(200);
      bodies.push(`${path} ${JSON.stringify(headers)}\n${await response.text()}`);
    }
  }
  await page.waitForTimeout(500);
  expect(bodies.join("\n")).not.toMatch(PEM_MARKER);
  const rows = await everyRowAsText(process.env.E2E_DATABASE_URL!);
  expect(rows).toContain(nextThumbprint);
  expect(rows).not.toMatch(PEM_MARKER);
  expect(rows.toLowerCase()).not.toContain(PEM_MARKER_HEX);
});

test("the rotation page needs the brokerage's own session", async ({ page }) => {
  const response = await page.request.get("/submit/rotation", { maxRedirects: 0 });
  expect(response.status()).toBe(404);
});
