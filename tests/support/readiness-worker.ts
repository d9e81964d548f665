/**
 * A worker process of its own for one readiness run (tests/integration/readiness.test.ts
 * kills it part-way): `node --import tsx tests/support/readiness-worker.ts <runId>`,
 * with the test's DATABASE_URL, key ring and simulator in its environment.
 */
import { register } from "node:module";

register("../../scripts/runtime/server-only-resolver.mjs", import.meta.url);
const { runReadinessCheck } = await import("../../lib/readiness/run");
const lanes = Number(process.env.READINESS_LANES ?? "") || undefined;
await runReadinessCheck(process.argv[2]!, { lanes });
process.exit(0);
