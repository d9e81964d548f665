import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";

/**
 * The production build served by `npm start` on a given database and port, for
 * benchmarks that measure pages over HTTP. Jobs are left to no worker (WORKER=off),
 * so only page requests use the machine.
 */
export async function startPortalProcess(input: { databaseUrl: string; port: number; credentialsKeys: string }) {
  if (!existsSync(path.join(process.cwd(), ".next", "BUILD_ID"))) throw new Error("No production build: run `npm run build` first");
  const url = `http://localhost:${input.port}`;
  const child: ChildProcess = spawn("npm", ["start"], {
    env: { ...process.env, DATABASE_URL: input.databaseUrl, PORT: String(input.port), APP_URL: url, CREDENTIALS_KEYS: input.credentialsKeys, WORKER: "off", LOG_LEVEL: "warn", NODE_ENV: "production" },
    stdio: ["ignore", "ignore", "inherit"],
    detached: true,
  });
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`npm start exited with ${child.exitCode}`);
    const healthy = await fetch(`${url}/api/health`).then((r) => r.ok).catch(() => false);
    if (healthy) break;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  return {
    url,
    stop: async () => {
      if (child.exitCode !== null || !child.pid) return;
      const exited = new Promise((resolve) => child.once("exit", resolve));
      // npm starts the server as its child: signal the whole group this process created.
      process.kill(-child.pid, "SIGTERM");
      await exited;
    },
  };
}

/** Signs a staff member in through better-auth's endpoint; returns the Cookie header. */
export async function signIn(url: string, email: string, password: string): Promise<string> {
  const response = await fetch(`${url}/api/auth/sign-in/email`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: url },
    body: JSON.stringify({ email, password }),
  });
  if (!response.ok) throw new Error(`sign-in failed: ${response.status}`);
  return response.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
}
