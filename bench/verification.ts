/**
 * `npm run bench:verification` (or `npx tsx bench/verification.ts`): a full verification of the "good" scenario against
 * the simulator with 100 ms of latency on every request, run as the portal runs it
 * (independent checks concurrently) and one check at a time, printing wall time and
 * the sequential round trips on the critical path (from the simulator's request log).
 * A second case runs a token without roles (Exchange RBAC for Applications, with the probe of
 * a mailbox outside the scope): it must take the same round trips as the normal run.
 * The Google Workspace run (DESIGN §10) follows, against the Google simulator: the token
 * requests (one per scope) all at once, then the probes, then the cleanup: 3 round trips.
 */
import { register } from "node:module";
import pino from "pino";
import { criticalPathRoundTrips } from "../sim/round-trips";
import { scenario } from "../sim/scenarios";
import { googleScenario } from "../sim/google/scenarios";
import { startGoogleSimulator } from "../sim/google/server";
import { startSimulator } from "../sim/server";
import { relaunchTrustingSimulator } from "../sim/trust";

await relaunchTrustingSimulator();
// Outside Next.js, `server-only` must resolve to an empty module: register that, then load the run.
register("../scripts/runtime/server-only-resolver.mjs", import.meta.url);
const { runVerification } = await import("../lib/verification/run");
const { runGoogleVerification } = await import("../lib/verification/google/run");
const { readServiceAccountKey } = await import("../lib/google/service-account");

const LATENCY_MS = 100;
const RUNS = 3;
const sim = await startSimulator({ port: 0 });
const google = await startGoogleSimulator({ port: 0 });
const googleOptions = { endpoints: { tokenUrl: google.tokenUrl, apiRoot: google.apiRoot }, account: readServiceAccountKey(google.serviceAccountKeyFile) };
const logger = pino({ level: "silent" });
const CASES = [
  { name: "normal run (Graph roles)", values: scenario("good").values },
  { name: "no roles (RBAC for Applications) + outside probe", values: scenario("rbac-outside-refused").values },
] as const;

async function measure(sequential: boolean, values: (typeof CASES)[number]["values"] = CASES[0].values) {
  sim.control.clearRequests();
  const started = performance.now();
  const report = await runVerification(values, { endpoints: sim, sequential, logger });
  const wallMs = performance.now() - started;
  const requests = sim.control.requests();
  return { wallMs, outcome: report.outcome, requests: requests.length, roundTrips: criticalPathRoundTrips(requests) };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

try {
  await measure(false); // warm-up: module loading, TLS sessions
  sim.control.setLatency(LATENCY_MS);
  let ok = true;
  for (const c of CASES) {
    const rows = [];
    for (const [label, sequential] of [
      ["concurrent (as the portal runs)", false],
      ["one check at a time", true],
    ] as const) {
      const runs = [];
      for (let i = 0; i < RUNS; i++) runs.push(await measure(sequential, c.values));
      rows.push({ label, ...runs[0]!, wallMs: median(runs.map((r) => r.wallMs)), outcomes: [...new Set(runs.map((r) => r.outcome))].join(",") });
    }
    console.log(`\n${c.name}: full verification against the simulator, ${LATENCY_MS} ms latency per request, median of ${RUNS} runs\n`);
    console.log(`${"mode".padEnd(34)}${"wall time".padStart(10)}${"round trips".padStart(13)}${"requests".padStart(10)}  outcome`);
    for (const r of rows) {
      console.log(`${r.label.padEnd(34)}${`${Math.round(r.wallMs)} ms`.padStart(10)}${String(r.roundTrips).padStart(13)}${String(r.requests).padStart(10)}  ${r.outcomes}`);
    }
    const concurrent = rows[0]!;
    const good = concurrent.roundTrips <= 3 && concurrent.outcomes === "verified";
    ok &&= good;
    console.log(`Critical path: ${concurrent.roundTrips} sequential round trips (target: at most 3) ${good ? "✓" : "✗"}`);
  }

  const measureGoogle = async (sequential: boolean) => {
    google.control.clearRequests();
    const started = performance.now();
    const report = await runGoogleVerification(googleScenario("google-verified").values, { ...googleOptions, sequential, logger });
    const wallMs = performance.now() - started;
    const requests = google.control.state.requests;
    return { wallMs, outcome: report.outcome, requests: requests.length, roundTrips: criticalPathRoundTrips(requests) };
  };
  await measureGoogle(false); // warm-up
  google.control.setLatency(LATENCY_MS);
  const googleRows = [];
  for (const [label, sequential] of [
    ["concurrent (as the portal runs)", false],
    ["one check at a time", true],
  ] as const) {
    const runs = [];
    for (let i = 0; i < RUNS; i++) runs.push(await measureGoogle(sequential));
    googleRows.push({ label, ...runs[0]!, wallMs: median(runs.map((r) => r.wallMs)), outcomes: [...new Set(runs.map((r) => r.outcome))].join(",") });
  }
  console.log(`\nGoogle Workspace (domain-wide delegation): full verification against the Google simulator, ${LATENCY_MS} ms latency per request, median of ${RUNS} runs\n`);
  console.log(`${"mode".padEnd(34)}${"wall time".padStart(10)}${"round trips".padStart(13)}${"requests".padStart(10)}  outcome`);
  for (const r of googleRows) {
    console.log(`${r.label.padEnd(34)}${`${Math.round(r.wallMs)} ms`.padStart(10)}${String(r.roundTrips).padStart(13)}${String(r.requests).padStart(10)}  ${r.outcomes}`);
  }
  const googleGood = googleRows[0]!.roundTrips <= 3 && googleRows[0]!.outcomes === "verified";
  ok &&= googleGood;
  console.log(`Critical path: ${googleRows[0]!.roundTrips} sequential round trips (target: tokens, probes, cleanup: 3) ${googleGood ? "✓" : "✗"}`);
  process.exitCode = ok ? 0 : 1;
} finally {
  await Promise.all([sim.stop(), google.stop()]);
}
