import { defineConfig, devices } from "@playwright/test";

/**
 * End-to-end tests run in Debian's Chromium (/usr/bin/chromium) against the
 * production build, started by `npm start` on a database prepared by `npm test`.
 */
const port = Number(process.env.E2E_PORT ?? 3100);
export const baseURL = `http://localhost:${port}`;
/** The server's mail goes here; the onboarding tests start an SMTP server (smtp-server) on this port to receive it. */
export const smtpPort = Number(process.env.E2E_SMTP_PORT ?? 2525);

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
        SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
      },
    },
  ],
});
