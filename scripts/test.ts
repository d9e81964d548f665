/**
 * `npm test`: lint, typecheck, unit and integration tests (vitest), then the
 * production build and the end-to-end tests (Playwright in Debian's Chromium).
 * With DATABASE_URL, test databases are created on that server; without it, an
 * embedded PostgreSQL is started under .data/test-postgres. The last line sums
 * every suite: `N passed, N failed`.
 *
 * `npm test -- unit e2e` runs only the named steps (lint, typecheck, unit, integration, e2e,
 * embedded); `npm test -- e2e e2e/review.spec.ts` runs only the named spec files. The last step starts `npm run demo` with no DATABASE_URL (docs: scripts/checks).
 */
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { generateKeyRingEntry } from "../lib/crypto/key-ring";
import { startEmbeddedPostgres } from "../lib/db/embedded";
import { runMigrations } from "../lib/db/migrate";
import { simulatorCaFile } from "../sim/trust";
import { checkEmbeddedDefault } from "./checks/embedded-default";
import { createDatabaseFrom, dropDatabase } from "../tests/support/databases";

type Counts = { passed: number; failed: number };
const results: Array<{ step: string } & Counts> = [];
const reportsDir = path.join(process.cwd(), ".data", "test-reports");
const npx = path.join(process.cwd(), "node_modules", ".bin");

function run(command: string, args: string[], env: Record<string, string | undefined> = {}): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(path.join(npx, command), args, { stdio: "inherit", env: { ...process.env, ...env } });
    child.on("exit", (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

function header(step: string) {
  console.log(`\n━━ ${step} ${"━".repeat(Math.max(0, 60 - step.length))}`);
}

async function checkStep(step: string, command: string, args: string[]) {
  header(step);
  const code = await run(command, args);
  results.push({ step, passed: code === 0 ? 1 : 0, failed: code === 0 ? 0 : 1 });
}

function readJson<T>(file: string): T | undefined {
  return existsSync(file) ? (JSON.parse(readFileSync(file, "utf8")) as T) : undefined;
}

async function vitestStep(project: "unit" | "integration", env: Record<string, string | undefined>) {
  header(project);
  const output = path.join(reportsDir, `${project}.json`);
  rmSync(output, { force: true });
  const code = await run("vitest", ["run", "--project", project, "--reporter=default", "--reporter=json", `--outputFile.json=${output}`], env);
  const report = readJson<{ numPassedTests: number; numFailedTests: number; numTotalTestSuites: number }>(output);
  const failedToRun = code !== 0 && (!report || report.numFailedTests === 0);
  results.push({
    step: project,
    passed: report?.numPassedTests ?? 0,
    failed: (report?.numFailedTests ?? 0) + (failedToRun ? 1 : 0),
  });
}

async function e2eStep(env: Record<string, string | undefined>) {
  header("build");
  const built = process.env.SKIP_BUILD === "1" ? 0 : await run("next", ["build"]);
  results.push({ step: "build", passed: built === 0 ? 1 : 0, failed: built === 0 ? 0 : 1 });
  if (built !== 0) return;
  header("e2e");
  const output = path.join(reportsDir, "e2e.json");
  rmSync(output, { force: true });
  const code = await run("playwright", ["test", "--reporter=list,json", ...process.argv.slice(2).filter((a) => a.startsWith("e2e/"))], { ...env, PLAYWRIGHT_JSON_OUTPUT_NAME: output });
  const report = readJson<{ stats: { expected: number; unexpected: number; flaky: number } }>(output);
  const failedToRun = code !== 0 && (!report || report.stats.unexpected === 0);
  results.push({
    step: "e2e",
    passed: (report?.stats.expected ?? 0) + (report?.stats.flaky ?? 0),
    failed: (report?.stats.unexpected ?? 0) + (failedToRun ? 1 : 0),
  });
}

async function main() {
  const allSteps = ["lint", "typecheck", "unit", "integration", "e2e", "embedded"];
  const requested = process.argv.slice(2).filter((a) => allSteps.includes(a));
  const steps = requested.length ? requested : allSteps;
  mkdirSync(reportsDir, { recursive: true });
  // Tests run the real MSAL and Graph clients against the Microsoft 365 simulator over HTTPS;
  // Node reads NODE_EXTRA_CA_CERTS only at start, so every child gets it from here.
  process.env.NODE_EXTRA_CA_CERTS = simulatorCaFile();

  if (steps.includes("lint")) await checkStep("lint", "eslint", ["--max-warnings", "0", "."]);
  if (steps.includes("typecheck")) await checkStep("typecheck", "tsc", ["--noEmit"]);
  if (steps.includes("unit")) await vitestStep("unit", { DATABASE_URL: "" });

  const needsDatabase = steps.includes("integration") || steps.includes("e2e");
  let adminUrl = process.env.DATABASE_URL;
  let embedded: Awaited<ReturnType<typeof startEmbeddedPostgres>> | undefined;
  if (needsDatabase && !adminUrl) {
    header("embedded PostgreSQL for tests");
    embedded = await startEmbeddedPostgres({ dir: ".data/test-postgres", port: 54330, database: "postgres" });
    adminUrl = embedded.url;
    console.log("started under .data/test-postgres");
  }
  try {
    process.env.TEST_DATABASE_ADMIN_URL = adminUrl;
    const dbEnv = { TEST_DATABASE_ADMIN_URL: adminUrl, DATABASE_URL: "" };
    if (steps.includes("integration")) await vitestStep("integration", dbEnv);
    if (steps.includes("e2e")) {
      const e2eDb = await createDatabaseFrom("template0", "portal_e2e");
      try {
        await runMigrations(e2eDb.url);
        await e2eStep({ ...dbEnv, E2E_DATABASE_URL: e2eDb.url, E2E_CREDENTIALS_KEYS: generateKeyRingEntry("e2e") });
      } finally {
        await dropDatabase(e2eDb.name);
      }
    }
  } finally {
    await embedded?.stop();
  }
  if (steps.includes("embedded")) {
    header("embedded (npm run demo without DATABASE_URL)");
    const built = steps.includes("e2e") || existsSync(path.join(".next", "BUILD_ID")) || (await run("next", ["build"])) === 0;
    const ok = built && (await checkEmbeddedDefault());
    results.push({ step: "embedded", passed: ok ? 1 : 0, failed: ok ? 0 : 1 });
  }

  console.log("");
  for (const r of results) console.log(`${r.step.padEnd(12)} ${r.passed} passed, ${r.failed} failed`);
  const passed = results.reduce((n, r) => n + r.passed, 0);
  const failed = results.reduce((n, r) => n + r.failed, 0);
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(failed === 0 && passed > 0 ? 0 : 1);
}

await main();
