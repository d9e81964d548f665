import { X509Certificate } from "node:crypto";
import { readFileSync } from "node:fs";
import { expect, request as playwrightRequest, test } from "@playwright/test";
import { APPS, MAILBOXES, TENANTS } from "../sim/scenarios";
import { capture, field, newInvite, openInvite, resetSimulator, SIM_URL, waitForOutcome } from "./support/portal";
import { everyRowAsText } from "./support/second-portal";

/**
 * The certificate method as an administrator meets it: choose it on the form, create
 * the certificate, download it, "upload" it (the simulator's control API stands in for
 * the Entra admin center), send three values and no secret, and see verified. The
 * private key shows up in no page, RSC payload or database row.
 */

const PEM_MARKER = /PRIVATE KEY/;
const PEM_MARKER_HEX = Buffer.from("PRIVATE KEY", "utf8").toString("hex");

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

test("pick the certificate method, download it, upload it, send no secret and see verified", async ({ page }) => {
  test.setTimeout(120_000);
  const bodies: string[] = [];
  page.on("response", (response) => {
    if ((response.headers()["content-type"] ?? "").includes("text/event-stream")) return;
    void response.body().then((b) => bodies.push(`${response.url()}\n${b.toString("utf8")}`)).catch(() => undefined);
  });

  const invite = await newInvite("Certificate Realty");
  await openInvite(page, invite.path);
  await expect(page).toHaveURL(/\/submit$/);
  await expect(page.getByText("Recommended: connect with a certificate, with no secret to copy")).toBeVisible();
  await page.getByRole("link", { name: "Connect with a certificate" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Connect with a certificate");
  await expect(field(page, "Client secret value")).toHaveCount(0);

  await page.getByRole("button", { name: "Create the certificate" }).click();
  const thumbprint = page.getByTestId("certificate-thumbprint");
  await expect(thumbprint).toHaveText(/^[0-9a-f]{64}$/);
  await capture(page, "certificate-method");

  // The download: DER for the admin center, and the same as PEM.
  const [cer] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download the certificate (.cer)" }).click()]);
  expect(cer.suggestedFilename()).toMatch(/^certificate-[0-9a-f]{8}\.cer$/);
  const der = readFileSync((await cer.path())!);
  const certificate = new X509Certificate(der);
  expect(certificate.fingerprint256.replace(/:/g, "").toLowerCase()).toBe(await thumbprint.textContent());
  const [pem] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download as .pem" }).click()]);
  const pemText = readFileSync((await pem.path())!, "utf8");
  expect(pemText).toMatch(/^-----BEGIN CERTIFICATE-----/);
  expect(pemText).not.toMatch(PEM_MARKER);

  await uploadToSimulatedApp(APPS.certificate.clientId, certificate.toString());

  await field(page, "Tenant ID").fill(TENANTS.harbor.id);
  await field(page, "Client ID").fill(APPS.certificate.clientId);
  await field(page, "Test mailbox").fill(MAILBOXES.agent);
  await field(page, "Full name").fill("Dana Whitfield");
  await field(page, "Email address").fill("it@harbor.example");
  await page.getByRole("button", { name: "Send and check" }).click();
  await page.waitForURL(/\/submit\/status\//);
  await waitForOutcome(page, "verified");

  const attemptPath = new URL(page.url()).pathname;
  const attemptId = attemptPath.split("/").at(-1)!;
  for (const path of ["/submit", "/submit/certificate", attemptPath, "/submit/history", `/api/attempts/${attemptId}/events`]) {
    for (const headers of [{}, { RSC: "1" }] as Record<string, string>[]) {
      const response = await page.request.get(path, { headers });
      expect(response.status(), path).toBe(200);
      bodies.push(`${path} ${JSON.stringify(headers)}\n${await response.text()}`);
    }
  }
  await page.waitForTimeout(500);
  expect(bodies.join("\n")).not.toMatch(PEM_MARKER);

  const rows = await everyRowAsText(process.env.E2E_DATABASE_URL!);
  expect(rows).toContain(attemptId);
  expect(rows).not.toMatch(PEM_MARKER);
  expect(rows.toLowerCase()).not.toContain(PEM_MARKER_HEX);
});

test("the certificate downloads only for the brokerage's own session", async ({ page }) => {
  const response = await page.request.get("/submit/certificate/download/cer");
  expect(response.status()).toBe(404);
});
