import path from "node:path";
import postgres from "postgres";
import { runningServer, startEmbeddedPostgres, type EmbeddedDatabase } from "../db/embedded";

export const DATA_DIR = path.join(process.cwd(), ".data");
export const EMBEDDED_PORT = 54320;

export class StartupError extends Error {}

/** Host, port and database of a URL, without user or password, for messages. */
export function describeDatabaseUrl(url: string) {
  try {
    const u = new URL(url);
    return `${u.hostname}:${u.port || "5432"}${u.pathname}`;
  } catch {
    return "the configured server";
  }
}

export async function checkConnection(url: string, timeoutSeconds = 5) {
  const sql = postgres(url, { max: 1, connect_timeout: timeoutSeconds, onnotice: () => {} });
  try {
    await sql`select 1`;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new StartupError(`Cannot connect to PostgreSQL at ${describeDatabaseUrl(url)} (DATABASE_URL): ${reason}`);
  } finally {
    await sql.end({ timeout: 1 }).catch(() => {});
  }
}

export type ResolvedDatabase = { url: string; description: string; embedded?: EmbeddedDatabase };

/** DATABASE_URL when given; otherwise a real PostgreSQL started from npm with its data in .data/. */
export async function resolveDatabase(configuredUrl: string | undefined): Promise<ResolvedDatabase> {
  if (configuredUrl) {
    await checkConnection(configuredUrl);
    return { url: configuredUrl, description: `PostgreSQL at ${describeDatabaseUrl(configuredUrl)}` };
  }
  const embedded = await startEmbeddedPostgres({
    dir: path.join(DATA_DIR, "postgres"),
    port: EMBEDDED_PORT,
    database: "portal",
    onPortChange: (port) => console.log(`Port ${EMBEDDED_PORT} is taken: the embedded PostgreSQL listens on port ${port}`),
  }).catch((error: unknown) => {
    const reason = error instanceof Error ? error.message : String(error);
    throw new StartupError(`Could not start the embedded PostgreSQL in .data/postgres: ${reason}`);
  });
  return { url: embedded.url, description: `embedded PostgreSQL in .data/postgres (port ${embedded.port})`, embedded };
}

/** The port of the embedded PostgreSQL another process of this clone runs (npm run demo), if any. */
export function runningEmbeddedPort(): number | undefined {
  return runningServer(path.join(DATA_DIR, "postgres"))?.port;
}
