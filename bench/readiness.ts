/**
 * `npm run bench:readiness`: the agent mailbox readiness check (DESIGN §11) of 1,000 and
 * 10,000 mailboxes against the simulator with 100 ms of latency on every request, run as
 * the job runs it (token, Graph `$batch` of 20, results streamed into PostgreSQL), then
 * again with throttling (429 with Retry-After) injected on 10% of the Graph requests.
 * Prints the sequential round trips on the critical path (from the simulator's request
 * log), wall time, HTTP and Graph requests and the peak RSS of the process that runs the
 * check (a fresh one per run, bench/readiness-run.ts; the simulator runs in its own), and ends with one line per size:
 *   readiness: 1000 mailboxes, 5 round trips, 900 ms, 180 MB peak
 * Needs DATABASE_URL (a server where it may create a database). `--sizes 1000,10000`.
 */
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { register } from "node:module";
import postgres from "postgres";
import { freePort } from "../lib/db/free-port";
import type { AgentSeedSpec } from "../sim/agents";
import type { FaultSpec, RequestLogEntry } from "../sim/model";
import { criticalPathRoundTrips } from "../sim/round-trips";
import { APPS, scenario } from "../sim/scenarios";
import { relaunchTrustingSimulator } from "../sim/trust";

await relaunchTrustingSimulator();
register("../scripts/runtime/server-only-resolver.mjs", import.meta.url);

const args = process.argv.slice(2);
const sizesArg = args[args.indexOf("--sizes") + 1];
const SIZES = (args.includes("--sizes") && sizesArg ? sizesArg : "1000,10000").split(",").map(Number);
const LATENCY_MS = 100;
const TARGETS: Record<number, { roundTrips?: number; wallMs: number }> = { 1000: { roundTrips: 12, wallMs: 2000 }, 10000: { wallMs: 15000 } };

const adminUrl = process.env.DATABASE_URL;
if (!adminUrl) {
  console.error("Set DATABASE_URL to a PostgreSQL server where the benchmark may create a database");
  process.exit(64);
}
const name = `bench_readiness_${randomBytes(4).toString("hex")}`;
const benchUrl = Object.assign(new URL(adminUrl), { pathname: `/${name}` }).toString();
const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
await admin.unsafe(`create database ${name}`);

// The simulator runs in a process of its own, so the peak RSS measured here is the check's alone.
const simPort = await freePort();
const simProcess = spawn(process.execPath, ["--import", "tsx", "scripts/sim.ts", "--port", String(simPort), "--dns-port", String(await freePort()), "--quiet"], {
  stdio: ["ignore", "pipe", "inherit"],
});
await new Promise<void>((resolve, reject) => {
  simProcess.stdout!.on("data", (chunk: Buffer) => chunk.toString().includes("listening at") && resolve());
  simProcess.once("exit", (code) => reject(new Error(`the simulator exited (${code})`)));
});
const simUrl = `https://localhost:${simPort}`;
async function control(method: string, path: string, body?: unknown) {
  const response = await fetch(`${simUrl}/_sim${path}`, { method, headers: { "content-type": "application/json" }, body: body === undefined ? undefined : JSON.stringify(body) });
  if (!response.ok) throw new Error(`${method} /_sim${path}: ${response.status} ${await response.text()}`);
  return response.status === 204 ? undefined : ((await response.json()) as unknown);
}
const sim = {
  authorityHost: simUrl,
  graphUrl: simUrl,
  control: {
    seedAgents: async (spec: AgentSeedSpec) => ((await control("POST", "/agents", spec)) as { agents: Array<{ address: string }> }).agents,
    addFault: (spec: FaultSpec) => control("POST", "/faults", spec),
    clearFaults: () => control("DELETE", "/faults"),
    clearRequests: () => control("DELETE", "/requests"),
    setLatency: (ms: number) => control("PUT", "/latency", { ms }),
    requests: async () => (await control("GET", "/requests")) as RequestLogEntry[],
  },
  stop: async () => void simProcess.kill("SIGTERM"),
};
const { generateKeyRingEntry } = await import("../lib/crypto/key-ring");
Object.assign(process.env, {
  DATABASE_URL: benchUrl,
  CREDENTIALS_KEYS: generateKeyRingEntry("bench1"),
  MICROSOFT_AUTHORITY_HOST: sim.authorityHost,
  MICROSOFT_GRAPH_URL: sim.graphUrl,
  LOG_LEVEL: "silent",
});
const { resetEnvCache } = await import("../lib/env");
resetEnvCache();
const { runMigrations } = await import("../lib/db/migrate");
await runMigrations(benchUrl);
const { db, closeDb } = await import("../lib/db/client");
const { brokerages, submissionAttempts } = await import("../lib/db/schema");
const { sealSecret } = await import("../lib/crypto/secret-box");
const { inAuditedTransaction } = await import("../lib/audit/change");
const { readAgentList } = await import("../lib/readiness/agent-list");
const { replaceAgents } = await import("../lib/readiness/agents");
const { requestReadinessCheck } = await import("../lib/readiness/run");

const good = scenario("good").values;
const actor = { type: "system" as const, id: "bench" };

async function brokerageWithAgents(count: number, prefix: string) {
  const [brokerage] = await db().insert(brokerages).values({ name: `Bench ${prefix}`, stage: "verified" }).returning();
  const attemptId = crypto.randomUUID();
  const sealed = sealSecret(APPS.sync.secret, attemptId);
  await db().insert(submissionAttempts).values({
    id: attemptId,
    brokerageId: brokerage!.id,
    number: 1,
    idempotencyKey: attemptId,
    tenantId: good.tenantId,
    clientId: APPS.sync.clientId,
    testMailbox: good.testMailbox,
    secretExpiresOn: "2027-12-31",
    submitterName: "Bench",
    submitterEmail: "bench@harbor.example",
    secretCiphertext: sealed.ciphertext,
    secretKeyId: sealed.keyId,
    secretHint: APPS.sync.secret.slice(0, 3),
    status: "verified",
  });
  const agents = await sim.control.seedAgents({ count, prefix, mix: { "not-found": 0.04, unlicensed: 0.03, "on-premises": 0.03 } });
  const list = readAgentList(agents.map((a) => a.address).join("\n"));
  await inAuditedTransaction(actor, null, (change) => replaceAgents(change, brokerage!.id, list));
  return brokerage!.id;
}

async function measure(count: number, throttledShare: number) {
  const brokerageId = await brokerageWithAgents(count, `${count}-${throttledShare}-${randomBytes(2).toString("hex")}-`);
  const runId = await requestReadinessCheck(brokerageId, { scope: "all", trigger: "recheck", actor, triggeredBy: null }, { enqueueJob: false });
  await sim.control.clearFaults();
  if (throttledShare) await sim.control.addFault({ route: "graph", fraction: throttledShare, effect: { type: "status", status: 429, retryAfterSeconds: 1 } });
  await sim.control.clearRequests();
  const child = spawn(process.execPath, ["--expose-gc", "--import", "tsx", "bench/readiness-run.ts", runId], { stdio: ["ignore", "pipe", "inherit"] });
  let out = "";
  child.stdout!.on("data", (chunk: Buffer) => (out += chunk.toString()));
  await new Promise((resolve) => child.once("exit", resolve));
  const { status, wallMs, maxRssMb, liveHeapMb } = JSON.parse(out.trim().split("\n").pop()!) as { status: string; wallMs: number; maxRssMb: number; liveHeapMb: number };
  const log = await sim.control.requests();
  const http = log.filter((r) => !r.inBatch);
  const [{ checked, ready }] = (await db().execute(
    (await import("drizzle-orm")).sql`select checked, ready from readiness_runs where id = ${runId}::uuid`,
  )) as unknown as [{ checked: number; ready: number }];
  return {
    status,
    wallMs,
    roundTrips: criticalPathRoundTrips(http),
    httpRequests: http.length,
    graphRequests: log.filter((r) => r.inBatch).length,
    throttled: log.filter((r) => r.inBatch && r.status === 429).length,
    checked,
    ready,
    peakMb: maxRssMb,
    liveHeapMb,
  };
}

const summary: string[] = [];
let ok = true;
try {
  await measure(50, 0); // warm-up: module loading, TLS sessions, database connections
  await sim.control.setLatency(LATENCY_MS);
  console.log(`Readiness check against the simulator, ${LATENCY_MS} ms latency per request (2 cores, shared)\n`);
  console.log(
    `${"mailboxes".padStart(9)}${"throttled".padStart(11)}${"round trips".padStart(13)}${"wall".padStart(10)}${"HTTP".padStart(7)}${"Graph".padStart(8)}${"429s".padStart(7)}${"checked".padStart(9)}${"ready".padStart(7)}${"peak RSS".padStart(10)}${"live heap".padStart(11)}`,
  );
  for (const count of SIZES) {
    for (const share of [0, 0.1]) {
      const r = await measure(count, share);
      console.log(
        `${String(count).padStart(9)}${`${share * 100}%`.padStart(11)}${String(r.roundTrips).padStart(13)}${`${Math.round(r.wallMs)} ms`.padStart(10)}${String(r.httpRequests).padStart(7)}${String(r.graphRequests).padStart(8)}${String(r.throttled).padStart(7)}${String(r.checked).padStart(9)}${String(r.ready).padStart(7)}${`${r.peakMb} MB`.padStart(10)}${`${r.liveHeapMb} MB`.padStart(11)}`,
      );
      if (r.checked !== count || r.status !== "finished") ok = false;
      if (share === 0) {
        const target = TARGETS[count];
        if (target && (r.wallMs >= target.wallMs || (target.roundTrips !== undefined && r.roundTrips > target.roundTrips))) ok = false;
        summary.push(`readiness: ${count} mailboxes, ${r.roundTrips} round trips, ${Math.round(r.wallMs)} ms, ${r.peakMb} MB peak`);
      }
    }
  }
  console.log(`\nNaive, one request at a time: ${2 * (SIZES[0] ?? 1000)} round trips for ${SIZES[0]} mailboxes (≈ ${Math.round((2 * (SIZES[0] ?? 1000) * LATENCY_MS) / 1000)} s).`);
  console.log(`Targets: 1,000 ≤ 12 round trips and < 2 s; 10,000 < 15 s; every mailbox checked. ${ok ? "✓" : "✗"}\n`);
  for (const line of summary) console.log(line);
  process.exitCode = ok ? 0 : 1;
} finally {
  await closeDb();
  await sim.stop();
  await admin.unsafe(`drop database if exists ${name} with (force)`);
  await admin.end();
}
