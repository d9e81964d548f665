import { drizzle, type PostgresJsDatabase } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import { env } from "../env";
import * as schema from "./schema";

export type Database = PostgresJsDatabase<typeof schema> & { $client: postgres.Sql };

export function createDb(url: string, options: { max?: number } = {}): Database {
  const client = postgres(url, {
    max: options.max ?? 10,
    // Quiet NOTICEs such as "relation already exists, skipping" from idempotent DDL.
    onnotice: () => {},
    // Fail fast when PostgreSQL is away or overloaded rather than keep requests waiting.
    connect_timeout: 3,
    connection: { statement_timeout: 15_000 },
  });
  return drizzle(client, { schema }) as Database;
}

let shared: Database | undefined;

/** The process-wide connection pool, opened on first use. */
export function db(): Database {
  if (shared) return shared;
  const url = env().DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set: start the portal with npm start, npm run demo or npm run dev");
  shared = createDb(url);
  return shared;
}

export async function closeDb() {
  const current = shared;
  shared = undefined;
  await current?.$client.end({ timeout: 5 });
}

export type Transaction = Parameters<Parameters<Database["transaction"]>[0]>[0];
/** Queries take either the pool or an open transaction, so callers choose the boundary. */
export type Executor = Database | Transaction;
