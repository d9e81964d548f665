import { existsSync } from "node:fs";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import path from "node:path";
import next from "next";
import type PgBoss from "pg-boss";
import { loadOrCreateLocalKeyRing } from "../crypto/key-ring";
import { refusalOf } from "../http/request-gate";
import { closeDb } from "../db/client";
import { runMigrations } from "../db/migrate";
import { env, parseEnv, resetEnvCache } from "../env";
import { queueDefinitions } from "./jobs";
import { closeLiveness } from "../jobs/liveness";
import { startWorker, stopSender } from "../jobs/queue";
import { logger } from "../logger";
import { DATA_DIR, resolveDatabase, StartupError, type ResolvedDatabase } from "./database";

export type PortalMode = "production" | "development";

export type RunningPortal = {
  url: string;
  database: ResolvedDatabase;
  stop: () => Promise<void>;
};

/**
 * Everything `npm start`, `npm run dev` and `npm run demo` share: validate the
 * configuration, reach (or start) PostgreSQL, migrate, serve Next.js, and run the
 * worker in this process unless WORKER=off. Problems become one line and exit 1.
 */
export async function startPortal(options: { mode: PortalMode; localKeys?: boolean }): Promise<RunningPortal> {
  const parsed = parseEnv();
  if (!parsed.ok) throw new StartupError(parsed.errors.map((e) => `Configuration error: ${e}`).join("\n"));

  const database = await resolveDatabase(parsed.env.DATABASE_URL);
  const cleanups: Array<() => Promise<void>> = [];
  if (database.embedded) cleanups.push(database.embedded.stop);
  try {
    await runMigrations(database.url);

    // The rest of the process (Next.js, jobs) reads settings through lib/env.
    process.env.DATABASE_URL = database.url;
    if (!parsed.env.CREDENTIALS_KEYS) {
      if (!options.localKeys) {
        throw new StartupError(
          "Configuration error: CREDENTIALS_KEYS is not set; generate a key ring with `npm run --silent cli -- keys generate` and set it",
        );
      }
      process.env.CREDENTIALS_KEYS = loadOrCreateLocalKeyRing(DATA_DIR);
    }
    resetEnvCache();

    const dev = options.mode === "development";
    if (!dev && !existsSync(path.join(process.cwd(), ".next", "BUILD_ID"))) {
      throw new StartupError("No production build found: run `npm run build` first");
    }

    // Stop in order: no new requests, then the worker's jobs, then senders, then the pool (then the embedded server).
    const app = next({ dev, dir: process.cwd(), hostname: "localhost", port: parsed.env.PORT });
    cleanups.unshift(stopSender, closeLiveness, closeDb, async () => void (await app.close?.()));
    await app.prepare();
    const handle = app.getRequestHandler();
    const server: Server = createServer((req, res) => void serveGated(req, res, handle));
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(parsed.env.PORT, resolve);
    });
    cleanups.unshift(() => stopAccepting(server));

    if (parsed.env.WORKER === "inline") {
      const worker: PgBoss = await startWorker(database.url, queueDefinitions());
      cleanups.splice(1, 0, async () => void (await worker.stop({ graceful: true, wait: true, timeout: env().SHUTDOWN_GRACE_SECONDS * 1000 })));
    }

    return {
      url: `http://localhost:${parsed.env.PORT}`,
      database,
      stop: () => runCleanups(cleanups),
    };
  } catch (error) {
    await runCleanups(cleanups);
    throw error;
  }
}

/** Requests Next would answer 500 are answered 4xx here (lib/http/request-gate). */
function serveGated(req: IncomingMessage, res: ServerResponse, handle: (req: IncomingMessage, res: ServerResponse) => Promise<void>) {
  const refusal = refusalOf(req);
  if (!refusal) return handle(req, res);
  // Answered before the body is read: the connection closes rather than drain it.
  res.writeHead(refusal.status, { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store", Connection: "close" });
  res.end(refusal.message);
  return Promise.resolve();
}

/**
 * Refuses new connections and ends idle keep-alive ones; requests in flight finish.
 * Long-lived status streams end on their own (lib/submissions/status-stream) and the
 * browser reconnects to another instance, so they are cut after a short wait.
 */
async function stopAccepting(server: Server) {
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  server.closeIdleConnections();
  const cut = setTimeout(() => server.closeAllConnections(), 5_000);
  await closed;
  clearTimeout(cut);
}

async function runCleanups(cleanups: Array<() => Promise<void>>) {
  for (const cleanup of cleanups) {
    await cleanup().catch((error: unknown) => logger().warn({ err: error }, "shutdown step failed"));
  }
}

/** Runs a long-lived process: prints startup problems as one line, stops cleanly on SIGINT/SIGTERM. */
export async function runUntilSignal(start: () => Promise<{ stop: () => Promise<void> }>) {
  let running: { stop: () => Promise<void> };
  try {
    running = await start();
  } catch (error) {
    if (error instanceof StartupError) {
      console.error(error.message);
    } else {
      console.error(`Could not start: ${error instanceof Error ? error.message : String(error)}`);
    }
    process.exit(1);
  }
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal} received: shutting down`);
    await running.stop();
    process.exit(0);
  };
  process.on("SIGINT", () => void stop("SIGINT"));
  process.on("SIGTERM", () => void stop("SIGTERM"));
}
