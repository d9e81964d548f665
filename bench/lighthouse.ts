/**
 * `npm run bench:lighthouse [-- --pages /,/guide --port 3191 --save <dir>]`: Lighthouse's mobile
 * run (its default: emulated Moto G power, simulated slow 4G and 4x CPU slowdown) of
 * the public pages against the production build, in Debian's Chromium, one run each.
 * Prints score, LCP, TBT, FCP, CLS, bytes and the accessibility score per page, and
 * exits 1 when a page misses the goal (performance >= 0.95, TBT <= 250 ms,
 * accessibility 1.0). Needs DATABASE_URL (a server where it may create a database) and
 * a build (`npm run build`); it downloads no browser: CHROME_PATH or /usr/bin/chromium.
 */
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";
import postgres from "postgres";
import { generateKeyRingEntry } from "../lib/crypto/key-ring";
import { runMigrations } from "../lib/db/migrate";
import { startPortalProcess } from "./portal-process";

const args = process.argv.slice(2);
const option = (name: string) => {
  const i = args.indexOf(`--${name}`);
  return i === -1 ? undefined : args[i + 1];
};
const PAGES = (option("pages") ?? "/,/guide").split(",");
const port = Number(option("port") ?? 3191);
/** Where to keep each page's full Lighthouse report (JSON), to read what holds a page back. */
const saveDir = option("save");
const GOAL = { performance: 0.95, tbtMs: 250, accessibility: 1 };

const CHROME = process.env.CHROME_PATH ?? "/usr/bin/chromium";
if (!existsSync(CHROME)) {
  console.error(`No Chromium at ${CHROME}: install Debian's chromium or set CHROME_PATH`);
  process.exit(64);
}
const adminUrl = process.env.DATABASE_URL;
if (!adminUrl) {
  console.error("Set DATABASE_URL to a PostgreSQL server where the benchmark may create a database");
  process.exit(64);
}
const name = `bench_lighthouse_${randomBytes(4).toString("hex")}`;
const benchUrl = Object.assign(new URL(adminUrl), { pathname: `/${name}` }).toString();
const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });

// Headless, no sandbox (root in a container), and none of Chromium's own traffic to the network.
const CHROME_FLAGS = [
  "--headless=new",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-dev-shm-usage",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-default-apps",
  "--disable-sync",
  "--no-first-run",
  "--metrics-recording-only",
];

type Row = { page: string; performance: number; accessibility: number; lcpMs: number; tbtMs: number; fcpMs: number; cls: number; kB: number };

async function measure(url: string, chromePort: number): Promise<Omit<Row, "page">> {
  const result = await lighthouse(url, { port: chromePort, output: "json", logLevel: "error", onlyCategories: ["performance", "accessibility"] });
  if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
  if (saveDir) {
    mkdirSync(saveDir, { recursive: true });
    const file = `${new URL(url).pathname.replace(/\W+/g, "-").replace(/^-|-$/g, "") || "start"}.json`;
    writeFileSync(path.join(saveDir, file), typeof result.report === "string" ? result.report : JSON.stringify(result.lhr));
  }
  const { categories, audits } = result.lhr;
  const value = (id: string) => audits[id]?.numericValue ?? Number.NaN;
  return {
    performance: categories.performance?.score ?? 0,
    accessibility: categories.accessibility?.score ?? 0,
    lcpMs: value("largest-contentful-paint"),
    tbtMs: value("total-blocking-time"),
    fcpMs: value("first-contentful-paint"),
    cls: value("cumulative-layout-shift"),
    kB: value("total-byte-weight") / 1000,
  };
}

let stop: (() => Promise<void>) | undefined;
let chrome: chromeLauncher.LaunchedChrome | undefined;
let failed = false;
try {
  await admin.unsafe(`create database ${name}`);
  await runMigrations(benchUrl);
  const portal = await startPortalProcess({ databaseUrl: benchUrl, port, credentialsKeys: generateKeyRingEntry("bench") });
  stop = portal.stop;
  chrome = await chromeLauncher.launch({ chromePath: CHROME, chromeFlags: CHROME_FLAGS });
  // One warm-up request per page: the figures are of a running server, not of its first compile of a route.
  for (const page of PAGES) await fetch(`${portal.url}${page}`).then((r) => r.text());
  const rows: Row[] = [];
  for (const page of PAGES) rows.push({ page, ...(await measure(`${portal.url}${page}`, chrome.port)) });

  console.log("\nLighthouse, mobile (one run each; 2-core machine)\n");
  console.log("page        perf   a11y   LCP ms   TBT ms   FCP ms   CLS     kB");
  for (const r of rows) {
    const ok = r.performance >= GOAL.performance && r.tbtMs <= GOAL.tbtMs && r.accessibility >= GOAL.accessibility;
    if (!ok) failed = true;
    console.log(
      `${r.page.padEnd(10)}  ${r.performance.toFixed(2)}   ${r.accessibility.toFixed(2)}   ${r.lcpMs.toFixed(0).padStart(6)}   ${r.tbtMs.toFixed(0).padStart(6)}   ${r.fcpMs.toFixed(0).padStart(6)}   ${r.cls.toFixed(3)}  ${r.kB.toFixed(0).padStart(4)}  ${ok ? "ok" : "MISSES THE GOAL"}`,
    );
  }
  console.log(`\nGoal: performance >= ${GOAL.performance}, TBT <= ${GOAL.tbtMs} ms, accessibility ${GOAL.accessibility.toFixed(1)}`);
} finally {
  await chrome?.kill();
  await stop?.();
  await admin.unsafe(`drop database if exists ${name} with (force)`).catch(() => {});
  await admin.end();
}
process.exit(failed ? 1 : 0);
