import { randomBytes } from "node:crypto";
import { defineConfig, devices } from "@playwright/test";
import { ensureServiceAccountKey } from "./sim/google/service-account";
import { simulatorCaFile } from "./sim/trust";
import { ensureVendorAppCertificateFile, VENDOR_APP } from "./sim/vendor-app";

/**
 * End-to-end tests run in Debian's Chromium (/usr/bin/chromium) against the
 * production build, started by `npm start` on a database prepared by `npm test`.
 */
const port = Number(process.env.E2E_PORT ?? 3100);
export const baseURL = `http://localhost:${port}`;
/** The Microsoft 365 simulator the portal verifies against (control API under /_sim, docs/simulator.md). */
const simulatorPort = Number(process.env.E2E_SIMULATOR_PORT ?? 4611);
export const simulatorURL = `https://localhost:${simulatorPort}`;
const simulatorCa = simulatorCaFile();
/** "Connect with Microsoft": the simulator's vendor app; its certificate file is shared by the portal and the simulator. */
const vendorAppCertificate = ensureVendorAppCertificateFile();
/** The Google Workspace simulator `npm run sim` starts beside it (control API under /_sim/google). */
const googleSimulatorPort = Number(process.env.E2E_GOOGLE_SIMULATOR_PORT ?? simulatorPort + 1);
export const googleSimulatorURL = `https://localhost:${googleSimulatorPort}`;
/** The DNS server `npm run sim` starts beside it: MX records for provider detection (sim/providers.ts). */
const dnsPort = Number(process.env.E2E_DNS_PORT ?? 5355);
/** The server's mail goes here; the onboarding tests start an SMTP server (smtp-server) on this port to receive it. */
export const smtpPort = Number(process.env.E2E_SMTP_PORT ?? 2525);
/** The sync service's stand-in: the review tests receive the portal's webhooks on this port. */
export const webhookPort = Number(process.env.E2E_WEBHOOK_PORT ?? 2526);
/** Where alerts about brokerages without a CSM go (TEAM_ALERTS_EMAIL). */
export const teamAlertsEmail = "csm-team@e2e.example";
// One signing secret per run, shared by the server and the tests (worker processes inherit the environment).
process.env.E2E_WEBHOOK_SECRET ||= `whsec_${randomBytes(32).toString("base64")}`;
export const webhookSecret = process.env.E2E_WEBHOOK_SECRET;

export default defineConfig({
  testDir: "e2e",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  outputDir: ".data/test-results",
  use: {
    baseURL,
    browserName: "chromium",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
    },
    trace: "off",
    screenshot: "only-on-failure",
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"] } }],
  webServer: [
    {
      command: "npm start",
      url: `${baseURL}/api/health`,
      timeout: 120_000,
      reuseExistingServer: false,
      stdout: "pipe",
      stderr: "pipe",
      env: {
        DATABASE_URL: process.env.E2E_DATABASE_URL ?? "",
        CREDENTIALS_KEYS: process.env.E2E_CREDENTIALS_KEYS ?? "",
        PORT: String(port),
        APP_URL: baseURL,
        LOG_LEVEL: "warn",
        MICROSOFT_AUTHORITY_HOST: simulatorURL,
        MICROSOFT_GRAPH_URL: simulatorURL,
        NODE_EXTRA_CA_CERTS: simulatorCa,
        GOOGLE_OAUTH_TOKEN_URL: `${googleSimulatorURL}/token`,
        GOOGLE_API_ROOT: googleSimulatorURL,
        GOOGLE_SERVICE_ACCOUNT_KEY_FILE: ensureServiceAccountKey().keyFile,
        DNS_SERVERS: `127.0.0.1:${dnsPort}`,
        SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
        WEBHOOK_URL: `http://127.0.0.1:${webhookPort}/hooks/portal`,
        WEBHOOK_SECRET: webhookSecret,
        MICROSOFT_VENDOR_APP_CLIENT_ID: VENDOR_APP.clientId,
        MICROSOFT_VENDOR_APP_CERTIFICATE: vendorAppCertificate,
        // The tests stand in for one proxy: each sets X-Forwarded-For, so sign-in limits count per test.
        TRUST_PROXY_HOPS: "1",
        TEAM_ALERTS_EMAIL: teamAlertsEmail,
      },
    },
    {
      // Its DNS server starts first: the health check answering means both are up.
      command: `npm run sim -- --port ${simulatorPort} --google-port ${googleSimulatorPort} --dns-port ${dnsPort} --quiet`,
      url: `${simulatorURL}/_sim/health`,
      ignoreHTTPSErrors: true,
      timeout: 60_000,
      reuseExistingServer: false,
      stdout: "ignore",
      stderr: "pipe",
    },
  ],
});
