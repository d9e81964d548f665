import { existsSync } from "node:fs";
import { createServer, type Server } from "node:http";
import path from "node:path";
import next from "next";
import type PgBoss from "pg-boss";
import { loadOrCreateLocalKeyRing } from "../crypto/key-ring";
import { closeDb } from "../db/client";
import { runMigrations } from "../db/migrate";
import { parseEnv, resetEnvCache } from "../env";
import { queueDefinitions } from "./jobs";
import { startWorker, stopSender } from "../jobs/queue";
import { stampClientAddress } from "../http/request-facts";
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
export async function startPortal(options: {
  mode: PortalMode;
  /** `npm run demo` and `npm run dev`: an embedded PostgreSQL when DATABASE_URL is unset, and a key ring kept in .data/. */
  localKeys?: boolean;
}): Promise<RunningPortal> {
  const parsed = parseEnv();
  if (!parsed.ok) throw new StartupError(parsed.errors.map((e) => `Configuration error: ${e}`).join("\n"));

  // The embedded database (fixed password, data under .data/) is for a clone on one machine, never production.
  if (!parsed.env.DATABASE_URL && !options.localKeys) {
    throw new StartupError("Configuration error: DATABASE_URL is not set; `npm start` needs your own PostgreSQL (the embedded one is only for `npm run demo` and `npm run dev`)");
  }
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

    const app = next({ dev, dir: process.cwd(), hostname: "localhost", port: parsed.env.PORT });
    await app.prepare();
    const handle = app.getRequestHandler();
    const hops = parsed.env.TRUST_PROXY_HOPS;
    const server: Server = createServer((req, res) => {
      stampClientAddress(req, hops);
      void handle(req, res);
    });
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(parsed.env.PORT, resolve);
    });
    cleanups.unshift(async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await app.close?.();
    });

    let worker: PgBoss | undefined;
    if (parsed.env.WORKER === "inline") {
      worker = await startWorker(database.url, queueDefinitions());
      cleanups.unshift(async () => void (await worker?.stop({ graceful: true, wait: true, timeout: 10_000 })));
    }
    cleanups.unshift(stopSender, closeDb);

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
