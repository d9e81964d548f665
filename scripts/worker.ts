/**
 * `npm run worker`: the background worker as its own process, for deployments that
 * run the web app with WORKER=off. Needs DATABASE_URL (the app's own database).
 */
import { closeDb } from "../lib/db/client";
import { runMigrations } from "../lib/db/migrate";
import { parseEnv } from "../lib/env";
import { queueDefinitions } from "../lib/runtime/jobs";
import { closeLiveness } from "../lib/jobs/liveness";
import { startWorker, stopSender } from "../lib/jobs/queue";
import { runUntilSignal } from "../lib/runtime/boot";
import { checkConnection, StartupError } from "../lib/runtime/database";

await runUntilSignal(async () => {
  const parsed = parseEnv();
  if (!parsed.ok) throw new StartupError(parsed.errors.map((e) => `Configuration error: ${e}`).join("\n"));
  const url = parsed.env.DATABASE_URL;
  if (!url) throw new StartupError("Configuration error: DATABASE_URL is not set; the worker serves the app's own database");
  if (!parsed.env.CREDENTIALS_KEYS) throw new StartupError("Configuration error: CREDENTIALS_KEYS is not set");
  await checkConnection(url);
  await runMigrations(url);
  const worker = await startWorker(url, queueDefinitions());
  console.log("Worker running; stop with Ctrl+C.");
  return {
    stop: async () => {
      // Running jobs finish within the grace period or are handed back for another worker.
      await worker.stop({ graceful: true, wait: true, timeout: parsed.env.SHUTDOWN_GRACE_SECONDS * 1000 });
      await stopSender();
      await closeLiveness();
      await closeDb();
    },
  };
});
