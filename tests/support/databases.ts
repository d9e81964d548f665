import { randomBytes } from "node:crypto";
import postgres from "postgres";
import { runMigrations } from "@/lib/db/migrate";

/**
 * Test databases on the server named by TEST_DATABASE_ADMIN_URL (set by `npm test`):
 * one migrated template per test run, and a fresh copy of it for each test file,
 * so files run in parallel and leave nothing behind.
 */

export function adminUrl(): string {
  const url = process.env.TEST_DATABASE_ADMIN_URL || process.env.DATABASE_URL;
  if (!url) throw new Error("Run the tests with `npm test`, or set DATABASE_URL to a PostgreSQL server");
  return url;
}

export function urlForDatabase(name: string, base = adminUrl()): string {
  const u = new URL(base);
  u.pathname = `/${name}`;
  return u.toString();
}

async function withAdmin<T>(fn: (sql: postgres.Sql) => Promise<T>): Promise<T> {
  const sql = postgres(adminUrl(), { max: 1, onnotice: () => {} });
  try {
    return await fn(sql);
  } finally {
    await sql.end({ timeout: 5 });
  }
}

export const uniqueName = (prefix: string) => `${prefix}_${randomBytes(6).toString("hex")}`;

export async function createMigratedTemplate(): Promise<string> {
  const name = uniqueName("portal_template");
  await withAdmin((sql) => sql.unsafe(`create database ${name}`));
  await runMigrations(urlForDatabase(name));
  return name;
}

export async function createDatabaseFrom(template: string, prefix = "portal_test"): Promise<{ name: string; url: string }> {
  const name = uniqueName(prefix);
  await withAdmin((sql) => sql.unsafe(`create database ${name} template ${template}`));
  return { name, url: urlForDatabase(name) };
}

export async function dropDatabase(name: string) {
  await withAdmin((sql) => sql.unsafe(`drop database if exists ${name} with (force)`));
}
