import PgBoss from "pg-boss";
import { env } from "../env";
import { logger } from "../logger";

/**
 * Background work on a PostgreSQL-backed queue, so every app instance and worker
 * process shares one queue through the database. Features define their queues; the
 * process that starts a worker lists them (`lib/runtime/jobs.ts`).
 */

export type JobHandler<T extends object = object> = (data: T, job: { id: string; name: string }) => Promise<void>;

export type QueueDefinition = {
  name: string;
  handler: JobHandler<never>;
  /** Retries with exponential back-off; the handler throws to retry. */
  retryLimit?: number;
  retryDelaySeconds?: number;
  /** A job still active this long after it started is taken as dead (its worker gone) and retried. */
  expireInSeconds?: number;
  /** Cron (UTC) for scheduled jobs. */
  cron?: string;
  /** Also run once when a worker starts. */
  atStart?: boolean;
  concurrency?: number;
  /** pg-boss queue policy; `stately` keeps one queued and one active job per singletonKey. */
  policy?: "standard" | "short" | "singleton" | "stately";
};

function createBoss(url: string, options: { worker: boolean }) {
  return new PgBoss({
    connectionString: url,
    max: options.worker ? 4 : 2,
    application_name: options.worker ? "portal-worker" : "portal-app",
    // Only a worker maintains the queue and fires schedules; senders just insert.
    supervise: options.worker,
    schedule: options.worker,
    migrate: options.worker,
    // Expired jobs (a killed worker's) are found and retried within this interval.
    maintenanceIntervalSeconds: 20,
    // Minute schedules fire within seconds of the minute.
    cronMonitorIntervalSeconds: 10,
  });
}

/** Connection errors are expected while the database shuts down with the process. */
function logQueueError(boss: PgBoss) {
  let stopping = false;
  boss.on("stopped", () => (stopping = true));
  const stop = boss.stop.bind(boss);
  boss.stop = (options) => {
    stopping = true;
    return stop(options);
  };
  boss.on("error", (error: Error & { code?: string }) => {
    if (stopping) return;
    logger().error({ error: { message: error.message, code: error.code } }, "queue error");
  });
}

export async function startWorker(url: string, definitions: QueueDefinition[]) {
  const boss = createBoss(url, { worker: true });
  logQueueError(boss);
  await boss.start();
  for (const def of definitions) {
    const settings = {
      name: def.name,
      retryLimit: def.retryLimit ?? 3,
      retryDelay: def.retryDelaySeconds ?? 5,
      retryBackoff: true,
      ...(def.expireInSeconds ? { expireInSeconds: def.expireInSeconds } : {}),
      policy: def.policy ?? "standard",
    };
    // createQueue keeps an existing queue's settings; updateQueue applies changed ones.
    await boss.createQueue(def.name, settings);
    await boss.updateQueue(def.name, settings);
    // Each work() call is one polling loop; several give a queue its concurrency.
    for (let i = 0; i < (def.concurrency ?? 1); i++) await boss.work<object>(
      def.name,
      { batchSize: 1, pollingIntervalSeconds: 0.5, includeMetadata: false },
      async ([job]) => {
        if (!job) return;
        const log = logger().child({ job: def.name, jobId: job.id });
        try {
          await (def.handler as JobHandler)(job.data, { id: job.id, name: def.name });
        } catch (error) {
          log.warn({ err: error }, "job failed; it will be retried if attempts remain");
          throw error;
        }
      },
    );
    if (def.cron) await boss.schedule(def.name, def.cron, {}, { tz: "UTC" });
    if (def.atStart) await boss.send(def.name, {});
  }
  return boss;
}

let sender: Promise<PgBoss> | undefined;

async function senderBoss(): Promise<PgBoss> {
  sender ??= (async () => {
    const url = env().DATABASE_URL;
    if (!url) throw new Error("DATABASE_URL is not set");
    const boss = createBoss(url, { worker: false });
    logQueueError(boss);
    await boss.start();
    return boss;
  })();
  return sender;
}

/** Queues a job by name. `singletonKey` makes a repeated send a no-op while one is pending. */
export async function enqueue(name: string, data: object, options: { singletonKey?: string; startAfterSeconds?: number } = {}) {
  const boss = await senderBoss();
  return boss.send(name, data, {
    singletonKey: options.singletonKey,
    startAfter: options.startAfterSeconds,
  });
}

export async function stopSender() {
  const current = sender;
  sender = undefined;
  if (current) await (await current).stop({ graceful: false, wait: true });
}

/** The singleton keys of `name`'s jobs active for longer than `olderThanSeconds`. */
export async function activeJobKeys(name: string, olderThanSeconds: number): Promise<string[]> {
  const boss = await senderBoss();
  const { rows } = await boss.getDb().executeSql(
    `select singleton_key as key from pgboss.job
     where name = $1 and state = 'active' and singleton_key is not null
       and started_on < now() - make_interval(secs => $2)`,
    [name, olderThanSeconds],
  );
  return (rows as { key: string }[]).map((r) => r.key);
}

/**
 * Hands back active jobs of `name` whose worker died (the caller knows, lib/jobs/liveness):
 * failed, they are retried at once under the queue's retry policy. Only jobs active
 * longer than `olderThanSeconds`, so one a worker has just taken is left alone.
 */
export async function failDeadJobs(name: string, singletonKeys: string[], olderThanSeconds: number) {
  if (!singletonKeys.length) return 0;
  const boss = await senderBoss();
  const { rows } = await boss.getDb().executeSql(
    `select id from pgboss.job
     where name = $1 and state = 'active' and singleton_key = any($2::text[])
       and started_on < now() - make_interval(secs => $3)`,
    [name, singletonKeys, olderThanSeconds],
  );
  const ids = (rows as { id: string }[]).map((r) => r.id);
  if (ids.length) await boss.fail(name, ids);
  return ids.length;
}
