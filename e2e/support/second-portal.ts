import { spawn, type ChildProcess } from "node:child_process";
import postgres from "postgres";
import { generateKeyRingEntry } from "@/lib/crypto/key-ring";
import { runMigrations } from "@/lib/db/migrate";
import { simulatorCaFile } from "../../sim/trust";
import { SIM_URL } from "./portal";

/**
 * A second portal process for tests that must read everything a server writes: its
 * own database (so every row can be searched) and its stdout and stderr captured.
 * It talks to the same simulator as the main test server.
 */

export type SecondPortal = {
  url: string;
  databaseUrl: string;
  output: () => string;
  stop: () => Promise<void>;
};

function adminUrl() {
  const url = process.env.TEST_DATABASE_ADMIN_URL ?? process.env.E2E_DATABASE_URL;
  if (!url) throw new Error("TEST_DATABASE_ADMIN_URL is not set: run the end-to-end tests with `npm test -- e2e`");
  return url;
}

/**
 * By default on a database of its own; `shared` runs it beside the main test server
 * instead, on the same database and key ring, without a worker of its own.
 */
export async function startSecondPortal(options: { shared?: boolean; env?: Record<string, string> } = {}): Promise<SecondPortal> {
  const port = Number(process.env.E2E_PORT ?? 3100) + 1;
  const name = `portal_e2e_second_${Date.now().toString(36)}`;
  const admin = postgres(adminUrl(), { max: 1, onnotice: () => {} });
  let databaseUrl = process.env.E2E_DATABASE_URL ?? "";
  if (!options.shared) {
    await admin.unsafe(`create database ${name}`);
    databaseUrl = Object.assign(new URL(adminUrl()), { pathname: `/${name}` }).toString();
    await runMigrations(databaseUrl);
  }

  let output = "";
  const child: ChildProcess = spawn("npm", ["start"], {
    cwd: process.cwd(),
    detached: true,
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      CREDENTIALS_KEYS: options.shared ? process.env.E2E_CREDENTIALS_KEYS : generateKeyRingEntry("second"),
      PORT: String(port),
      APP_URL: `http://localhost:${port}`,
      // Everything the server would ever log, so a leak cannot hide below the level.
      LOG_LEVEL: "trace",
      WORKER: options.shared ? "off" : "inline",
      MICROSOFT_AUTHORITY_HOST: SIM_URL,
      MICROSOFT_GRAPH_URL: SIM_URL,
      NODE_EXTRA_CA_CERTS: simulatorCaFile(),
      ...options.env,
    },
  });
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString("utf8")));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString("utf8")));

  const url = `http://localhost:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    const healthy = await fetch(`${url}/api/health`).then((r) => r.ok).catch(() => false);
    if (healthy) break;
    if (Date.now() > deadline || child.exitCode !== null) throw new Error(`second portal did not start:\n${output}`);
    await new Promise((r) => setTimeout(r, 500));
  }

  return {
    url,
    databaseUrl,
    output: () => output,
    stop: async () => {
      if (child.exitCode === null && child.pid) {
        const exited = new Promise((resolve) => child.once("exit", resolve));
        process.kill(-child.pid, "SIGTERM");
        await Promise.race([exited, new Promise((r) => setTimeout(r, 15_000))]);
      }
      if (!options.shared) await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end({ timeout: 5 });
    },
  };
}

/** Every row of every table, as text (bytea as hex), to search for what must not be stored. */
export async function everyRowAsText(databaseUrl: string): Promise<string> {
  const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  try {
    const tables = await sql<{ name: string }[]>`
      select format('%I.%I', table_schema, table_name) as name
      from information_schema.tables
      where table_type = 'BASE TABLE' and table_schema not in ('pg_catalog', 'information_schema')`;
    const parts: string[] = [];
    for (const { name } of tables) {
      const rows = await sql.unsafe<{ row: string }[]>(`select t::text as row from ${name} t`);
      parts.push(`== ${name}`, ...rows.map((r) => r.row));
    }
    return parts.join("\n");
  } finally {
    await sql.end({ timeout: 5 });
  }
}
