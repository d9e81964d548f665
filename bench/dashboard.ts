/**
 * `npm run bench:dashboard`: seeds 10,000 brokerages, 50,000 attempts and 500,000 check
 * results into a fresh database, shows the query plans of the review queue and the
 * submission detail (index use), and measures p50/p95 of each:
 *   - the data each page loads, called in-process under concurrent load;
 *   - the pages themselves: the production build (`npm run build` first) is started on
 *     the seeded database, a staff member signs in, and autocannon loads the queue page
 *     and a detail page over loopback HTTP.
 * Options: `--port N` for the portal (default 3190), `--seconds N` per measurement,
 * `--connections N` or a list like `1,4,8` (default 8; the in-process part uses the first),
 * `--keep` to leave the database for manual runs,
 * `--no-pages` to skip the HTTP part. Needs DATABASE_URL (a server where it may create a database).
 */
import { randomBytes } from "node:crypto";
import autocannon from "autocannon";
import postgres from "postgres";
import { inAuditedTransaction } from "../lib/audit/change";
import { createStaffAccount } from "../lib/auth/staff-accounts";
import { generateKeyRingEntry } from "../lib/crypto/key-ring";
import { closeDb, db } from "../lib/db/client";
import { runMigrations } from "../lib/db/migrate";
import { resetEnvCache } from "../lib/env";
import { getSubmissionDetail } from "../lib/review/detail";
import { countQueues, listQueue } from "../lib/review/queues";
import { seedDashboard } from "./dashboard-seed";
import { startPortalProcess, signIn } from "./portal-process";
import { captureQueries, explain, type PlanSummary } from "./query-plans";

const args = process.argv.slice(2);
const option = (name: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};
const seconds = Number(option("seconds") ?? 10);
const CONNECTIONS = (option("connections") ?? "8").split(",").map(Number);
const CONCURRENCY = CONNECTIONS[0]!;
const port = Number(option("port") ?? 3190);
const LIMIT_MS = 150;

const adminUrl = process.env.DATABASE_URL;
if (!adminUrl) {
  console.error("Set DATABASE_URL to a PostgreSQL server where the benchmark may create a database");
  process.exit(64);
}
const name = `bench_dashboard_${randomBytes(4).toString("hex")}`;
const benchUrl = Object.assign(new URL(adminUrl), { pathname: `/${name}` }).toString();
const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });

function percentile(sorted: number[], p: number) {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

/** Calls `fn` from CONCURRENCY loops for `seconds`; returns p50/p95 in ms. */
async function underLoad(fn: () => Promise<unknown>) {
  const times: number[] = [];
  const until = performance.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (performance.now() < until) {
        const t = performance.now();
        await fn();
        times.push(performance.now() - t);
      }
    }),
  );
  times.sort((a, b) => a - b);
  return { requests: times.length, p50: percentile(times, 50), p95: percentile(times, 95) };
}

/** Loopback HTTP load on one page with autocannon; latencies per response, p50/p95 in ms. */
async function pageUnderLoad(url: string, cookie: string, connections: number) {
  const times: number[] = [];
  const statuses = new Map<number, number>();
  const instance = autocannon({ url, connections, duration: seconds, headers: { cookie } });
  instance.on("response", (_client: unknown, status: number, _bytes: number, responseTime: number) => {
    times.push(responseTime);
    statuses.set(status, (statuses.get(status) ?? 0) + 1);
  });
  await instance;
  times.sort((a, b) => a - b);
  return { requests: times.length, p50: percentile(times, 50), p95: percentile(times, 95), statuses: Object.fromEntries(statuses) };
}

const fmt = (ms: number) => `${ms.toFixed(1)} ms`;

/** The two pages over HTTP, as a signed-in CSM's browser asks for them. */
async function measurePages(failingAttemptId: string) {
  const password = randomBytes(18).toString("base64url");
  await inAuditedTransaction({ type: "system", id: "bench" }, null, (change) =>
    createStaffAccount(change, { name: "Bench CSM", email: "bench-reviewer@bench.example", role: "csm", password }),
  );
  const portal = await startPortalProcess({ databaseUrl: benchUrl, port, credentialsKeys: generateKeyRingEntry("bench") });
  try {
    const cookie = await signIn(portal.url, "bench-reviewer@bench.example", password);
    const pages = [
      ["queue page (failing, one CSM)", `${portal.url}/staff/submissions?queue=failing&csm=bench-csm-3`],
      ["queue page (needs review)", `${portal.url}/staff/submissions`],
      ["detail page (a failing attempt)", `${portal.url}/staff/submissions/${failingAttemptId}`],
    ] as const;
    for (const [, url] of pages) await fetch(url, { headers: { cookie } }); // first render compiles nothing, but warms caches
    for (const connections of CONNECTIONS) {
      console.log(`\nPages over loopback HTTP (production build, autocannon, ${connections} connections, ${seconds} s each):`);
      for (const [what, url] of pages) {
        const r = await pageUnderLoad(url, cookie, connections);
        const verdict = r.p95 <= LIMIT_MS ? "within" : "OVER";
        console.log(`  ${what.padEnd(32)} ${String(r.requests).padStart(6)} requests  p50 ${fmt(r.p50)}  p95 ${fmt(r.p95)}  (${verdict} ${LIMIT_MS} ms)  statuses ${JSON.stringify(r.statuses)}`);
      }
    }
  } finally {
    await portal.stop();
  }
}

function printPlans(title: string, plans: PlanSummary[]) {
  console.log(`\n${title}`);
  for (const p of plans) {
    console.log(`  ${fmt(p.ms).padStart(9)}  ${p.query}`);
    for (const s of p.scans) console.log(`             ${s}`);
  }
}

try {
  await admin.unsafe(`create database ${name}`);
  await runMigrations(benchUrl);
  process.env.DATABASE_URL = benchUrl;
  resetEnvCache();
  const seedClient = postgres(benchUrl, { max: 1, onnotice: () => {} });
  const started = performance.now();
  const counts = await seedDashboard(seedClient);
  await seedClient.end();
  console.log(`Seeded ${counts.brokerages} brokerages, ${counts.attempts} attempts, ${counts.checks} check results in ${((performance.now() - started) / 1000).toFixed(1)} s (database ${name})`);

  const [failing] = (await listQueue("failing")).rows;
  const [secondPage] = [(await listQueue("needs-review")).nextCursor];
  const queuePage = () => Promise.all([listQueue("failing", { csm: "bench-csm-3" }), countQueues({ csm: "bench-csm-3" })]);
  const queueScenarios: Array<[string, () => Promise<unknown>]> = [
    ["needs review, first page", () => Promise.all([listQueue("needs-review"), countQueues()])],
    ["needs review, page 2", () => listQueue("needs-review", {}, { cursor: secondPage })],
    ["failing, one CSM's", queuePage],
    ["search 'harbor realty'", () => Promise.all([listQueue("failing", { search: "harbor realty" }), countQueues({ search: "harbor realty" })])],
    ["approved, stage filter", () => listQueue("approved", { stage: "approved" })],
  ];
  const detail = () => getSubmissionDetail(failing!.attemptId);

  const large = new Set(["brokerages", "submission_attempts", "verification_runs", "check_results", "credential_approvals", "audit_events", "notes"]);
  const allSeq: string[] = [];
  for (const [label, fn] of [...queueScenarios, ["submission detail (a failing attempt)", detail] as const]) {
    const plans = await Promise.all((await captureQueries(db().$client, fn)).map((q) => explain(db().$client, q, large)));
    printPlans(`Plans: ${label}`, plans);
    allSeq.push(...plans.flatMap((p) => p.seqScansOnLargeTables));
  }
  console.log(allSeq.length ? `\nSequential scans on large tables: ${allSeq.join("; ")}` : "\nNo sequential scan of a large table in any plan.");

  console.log(`\nIn-process (the page's queries), ${CONCURRENCY} concurrent callers for ${seconds} s each:`);
  const rows: Array<{ what: string; requests: number; p50: number; p95: number }> = [];
  rows.push({ what: "queue page data (list + counts, one CSM)", ...(await underLoad(queuePage)) });
  rows.push({ what: "detail page data", ...(await underLoad(detail)) });
  for (const r of rows) console.log(`  ${r.what.padEnd(44)} ${String(r.requests).padStart(6)} calls  p50 ${fmt(r.p50)}  p95 ${fmt(r.p95)}`);

  if (!args.includes("--no-pages")) await measurePages(failing!.attemptId);
  if (args.includes("--keep")) console.log(`\nKept database ${name}: DATABASE_URL=${benchUrl}`);
} finally {
  await closeDb();
  if (!args.includes("--keep")) await admin.unsafe(`drop database if exists ${name} with (force)`);
  await admin.end();
}
