/**
 * `npm run bench:dashboard`: seeds 10,000 brokerages, 50,000 attempts and 500,000 check
 * results into a fresh database, shows the query plans of the review queue and the
 * submission detail (index use), and measures p50/p95 of each:
 *   - the data each page loads, called in-process under concurrent load (always);
 *   - the pages themselves over loopback HTTP with autocannon, when given their URLs
 *     (`--queue-url URL --detail-url URL [--cookie 'name=value']`; the detail URL may
 *     contain {attempt}, replaced by a seeded failing attempt).
 * Options: `--keep` leaves the database for manual runs; `--seconds N` per measurement.
 * Needs DATABASE_URL (a server where it may create a database).
 */
import { randomBytes } from "node:crypto";
import autocannon from "autocannon";
import postgres from "postgres";
import { closeDb, db } from "../lib/db/client";
import { runMigrations } from "../lib/db/migrate";
import { resetEnvCache } from "../lib/env";
import { getSubmissionDetail } from "../lib/review/detail";
import { countQueues, listQueue } from "../lib/review/queues";
import { SEED, seedDashboard } from "./dashboard-seed";
import { captureQueries, explain, type PlanSummary } from "./query-plans";

const args = process.argv.slice(2);
const option = (name: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};
const seconds = Number(option("seconds") ?? 10);
const CONCURRENCY = 8;
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
async function pageUnderLoad(url: string, cookie: string | undefined) {
  const times: number[] = [];
  const statuses = new Map<number, number>();
  const instance = autocannon({ url, connections: CONCURRENCY, duration: seconds, headers: cookie ? { cookie } : {} });
  instance.on("response", (_client: unknown, status: number, _bytes: number, responseTime: number) => {
    times.push(responseTime);
    statuses.set(status, (statuses.get(status) ?? 0) + 1);
  });
  await instance;
  times.sort((a, b) => a - b);
  return { requests: times.length, p50: percentile(times, 50), p95: percentile(times, 95), statuses: Object.fromEntries(statuses) };
}

const fmt = (ms: number) => `${ms.toFixed(1)} ms`;

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
  const queuePage = () => Promise.all([listQueue("needs-review", { csm: "csm-3" }), countQueues({ csm: "csm-3" })]);
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

  const queueUrl = option("queue-url");
  const detailUrl = option("detail-url")?.replace("{attempt}", failing!.attemptId);
  if (queueUrl || detailUrl) {
    console.log(`\nPages over loopback HTTP (autocannon, ${CONCURRENCY} connections, ${seconds} s each):`);
    for (const [what, url] of [["queue page", queueUrl], ["detail page", detailUrl]] as const) {
      if (!url) continue;
      const r = await pageUnderLoad(url, option("cookie"));
      const verdict = r.p95 <= LIMIT_MS ? "within" : "OVER";
      console.log(`  ${what.padEnd(12)} ${String(r.requests).padStart(6)} requests  p50 ${fmt(r.p50)}  p95 ${fmt(r.p95)}  (${verdict} ${LIMIT_MS} ms)  statuses ${JSON.stringify(r.statuses)}`);
    }
  } else {
    console.log("\nPass --queue-url and --detail-url (and --cookie) to measure the pages over HTTP as well.");
  }
  if (args.includes("--keep")) console.log(`\nKept database ${name}: DATABASE_URL=${benchUrl}`);
} finally {
  await closeDb();
  if (!args.includes("--keep")) await admin.unsafe(`drop database if exists ${name} with (force)`);
  await admin.end();
}
void SEED;
