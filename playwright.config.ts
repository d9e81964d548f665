import { randomBytes } from "node:crypto";
import { defineConfig, devices } from "@playwright/test";
import { simulatorCaFile } from "./sim/trust";

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
        DNS_SERVERS: `127.0.0.1:${dnsPort}`,
        SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
        WEBHOOK_URL: `http://127.0.0.1:${webhookPort}/hooks/portal`,
        WEBHOOK_SECRET: webhookSecret,
        TEAM_ALERTS_EMAIL: teamAlertsEmail,
      },
    },
    {
      // Its DNS server starts first: the health check answering means both are up.
      command: `npm run sim -- --port ${simulatorPort} --dns-port ${dnsPort} --quiet`,
      url: `${simulatorURL}/_sim/health`,
      ignoreHTTPSErrors: true,
      timeout: 60_000,
      reuseExistingServer: false,
      stdout: "ignore",
      stderr: "pipe",
    },
  ],
});
