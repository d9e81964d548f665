import postgres from "postgres";
import { env } from "../env";

/**
 * Whether the process running a job is still alive, told by PostgreSQL itself: the job
 * holds a session advisory lock on its own connection while it runs, and PostgreSQL
 * drops the lock the moment that process dies (kill -9, a lost machine). Another
 * process asks by trying the lock for the length of a transaction.
 */

/** The advisory lock space of these locks (the first key); the second is the job's key hashed. */
const LOCK_SPACE = 0x6a6f62; // "job"

let client: postgres.Sql | undefined;

function locks() {
  const url = env().DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set");
  // Its own few connections: a lock is only as alive as the connection holding it.
  client ??= postgres(url, { max: 8, idle_timeout: 60, connect_timeout: 3, onnotice: () => {} });
  return client;
}

/** Runs `fn` holding the lock on `key`; the lock goes with the process if it dies. */
export async function whileAlive<T>(key: string, fn: () => Promise<T>): Promise<T> {
  const connection = await locks().reserve();
  try {
    await connection`select pg_advisory_lock(${LOCK_SPACE}, hashtext(${key}))`;
    return await fn();
  } finally {
    await connection`select pg_advisory_unlock(${LOCK_SPACE}, hashtext(${key}))`.catch(() => undefined);
    connection.release();
  }
}

/** Of `keys`, those no live process holds (their job, if any, died with its worker). */
export async function unheldKeys(keys: string[]): Promise<string[]> {
  if (!keys.length) return [];
  return locks().begin(async (tx) => {
    const rows = await tx<{ key: string }[]>`
      select key from unnest(${keys}::text[]) as key
      where pg_try_advisory_xact_lock(${LOCK_SPACE}, hashtext(key))`;
    return rows.map((r) => r.key);
  });
}

export async function closeLiveness() {
  const current = client;
  client = undefined;
  await current?.end({ timeout: 5 });
}
