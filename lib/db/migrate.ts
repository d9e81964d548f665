import { readFileSync } from "node:fs";
import path from "node:path";
import { migrate } from "drizzle-orm/postgres-js/migrator";
import type postgres from "postgres";
import { createDb } from "./client";

export const MIGRATIONS_FOLDER = path.join(process.cwd(), "drizzle");

/** Applies every committed migration not yet applied; safe to run on every start. */
export async function runMigrations(url: string) {
  const db = createDb(url, { max: 1 });
  try {
    await migrate(db, { migrationsFolder: MIGRATIONS_FOLDER });
  } finally {
    await db.$client.end({ timeout: 5 });
  }
}

function expectedMigrationCount(): number {
  const journal = JSON.parse(readFileSync(path.join(MIGRATIONS_FOLDER, "meta", "_journal.json"), "utf8")) as {
    entries: unknown[];
  };
  return journal.entries.length;
}

/** Compares what the database has applied with what this build ships. */
export async function migrationStatus(sql: postgres.Sql) {
  const expected = expectedMigrationCount();
  // A database never migrated has no journal table (or schema): nothing applied. Any other error is the caller's to report.
  const rows = await sql<{ count: string }[]>`
    select count(*)::text as count from drizzle.__drizzle_migrations`.catch((error: { code?: string }) => {
    if (error.code === "42P01" || error.code === "3F000") return [{ count: "0" }];
    throw error;
  });
  const applied = Number(rows[0]?.count ?? 0);
  return { expected, applied, current: applied === expected };
}
