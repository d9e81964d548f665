import PgBoss from "pg-boss";

/** Creates the queue's tables in the test database, as a worker does at start, so jobs can be sent. */
export async function installQueue(url = process.env.DATABASE_URL!) {
  const boss = new PgBoss({ connectionString: url, max: 1, supervise: false, schedule: false });
  await boss.start();
  await boss.stop({ graceful: false, wait: true });
}

/** The jobs waiting in a queue, oldest first. */
export async function queuedJobs(sql: (strings: TemplateStringsArray, ...values: unknown[]) => Promise<unknown[]>, name: string) {
  return (await sql`select data from pgboss.job where name = ${name} order by created_on`) as { data: Record<string, unknown> }[];
}
