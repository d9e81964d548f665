/**
 * The newcomer's path, checked by `npm test` (step "embedded"): `npm run demo` with no
 * DATABASE_URL starts the embedded PostgreSQL in .data/postgres, answers /api/health
 * with 200, and stops on SIGTERM with exit code 0, taking the database down with it.
 * Needs the production build (the e2e step makes it).
 */
import { spawn } from "node:child_process";
import path from "node:path";
import { runningServer } from "../../lib/db/embedded";
import { freePort } from "../../lib/db/free-port";

const HEALTH_TIMEOUT_MS = 180_000;
const STOP_TIMEOUT_MS = 45_000;

async function waitForHealth(url: string, exited: () => boolean): Promise<string> {
  const deadline = Date.now() + HEALTH_TIMEOUT_MS;
  let last = "no answer";
  while (Date.now() < deadline && !exited()) {
    try {
      const response = await fetch(url);
      last = `${response.status} ${await response.text()}`;
      if (response.status === 200) return last;
    } catch (error) {
      last = error instanceof Error ? error.message : String(error);
    }
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  throw new Error(exited() ? "the demo exited before it answered /api/health" : `/api/health did not answer 200 in time (last: ${last})`);
}

export async function checkEmbeddedDefault(): Promise<boolean> {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), DEMO_SKIP_BUILD: "1", LOG_LEVEL: "warn" };
  delete env.DATABASE_URL;
  delete env.CREDENTIALS_KEYS;
  const tsx = path.join(process.cwd(), "node_modules", ".bin", "tsx");
  const child = spawn(tsx, ["--import", "./scripts/runtime/server-only.mjs", "scripts/demo.ts"], {
    env,
    stdio: ["ignore", "pipe", "inherit"],
    // Its own process group, so a failed check can end the demo and everything it started.
    detached: true,
  });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  let exitCode: number | null | undefined;
  const exit = new Promise<number | null>((resolve) => child.on("exit", (code, signal) => resolve((exitCode = code ?? (signal ? -1 : null)))));
  try {
    const health = await waitForHealth(`http://localhost:${port}/api/health`, () => exitCode !== undefined);
    console.log(`embedded: /api/health answered ${health}`);
    const deadline = Date.now() + HEALTH_TIMEOUT_MS;
    while (!output.includes("Portal ready") && Date.now() < deadline && exitCode === undefined) await new Promise((resolve) => setTimeout(resolve, 250));
    const ready = output.split("\n").find((line) => line.startsWith("Portal ready"));
    if (!ready?.includes("embedded PostgreSQL in .data/postgres")) throw new Error(`the demo did not say it runs on the embedded PostgreSQL (${ready ?? "no ready line"})`);
    console.log(`embedded: ${ready}`);
    child.kill("SIGTERM");
    const code = await Promise.race([exit, new Promise<"timeout">((resolve) => setTimeout(() => resolve("timeout"), STOP_TIMEOUT_MS))]);
    if (code === "timeout") throw new Error(`the demo did not stop within ${STOP_TIMEOUT_MS / 1000} s of SIGTERM`);
    if (code !== 0) throw new Error(`the demo exited with code ${code} after SIGTERM, not 0`);
    const left = runningServer(path.join(process.cwd(), ".data", "postgres"));
    if (left) throw new Error(`the embedded PostgreSQL (pid ${left.pid}) is still running after the demo stopped`);
    console.log("embedded: stopped by SIGTERM with exit code 0, database stopped");
    return true;
  } catch (error) {
    console.log(output.split("\n").slice(0, 5).join("\n"));
    console.error(`embedded: ${error instanceof Error ? error.message : String(error)}`);
    if (exitCode === undefined && child.pid) process.kill(-child.pid, "SIGKILL");
    return false;
  }
}
