/**
 * One readiness run in a process of its own, for bench/readiness.ts: its peak RSS is the
 * check's alone. `node --import tsx bench/readiness-run.ts <runId>` with DATABASE_URL, the
 * key ring and the simulator in the environment; prints `{ status, wallMs, maxRssMb, liveHeapMb }`.
 */
import { register } from "node:module";

register("../scripts/runtime/server-only-resolver.mjs", import.meta.url);
const { runReadinessCheck } = await import("../lib/readiness/run");
const { closeDb } = await import("../lib/db/client");
const pino = (await import("pino")).default;

let heapPeak = 0;
// Live heap after a full collection, sampled through the run: what the run holds, not what V8 has yet to collect.
const sampler = setInterval(() => {
  globalThis.gc?.();
  heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed);
}, 250);
const started = performance.now();
const status = await runReadinessCheck(process.argv[2]!, { logger: pino({ level: "silent" }) });
const wallMs = performance.now() - started;
clearInterval(sampler);
// resourceUsage().maxRSS is in kilobytes.
console.log(JSON.stringify({ status, wallMs, maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024), liveHeapMb: Math.round(heapPeak / 1024 / 1024) }));
await closeDb();
process.exit(0);
