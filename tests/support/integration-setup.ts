import { afterAll, inject } from "vitest";
import { closeDb } from "@/lib/db/client";
import { resetEnvCache } from "@/lib/env";
import { createDatabaseFrom, dropDatabase } from "./databases";

// Each integration test file runs in its own process against its own fresh copy of
// the migrated template, reached through the app's own `db()` via DATABASE_URL.
const database = await createDatabaseFrom(inject("templateDatabase"));
process.env.DATABASE_URL = database.url;
resetEnvCache();

afterAll(async () => {
  await closeDb();
  await dropDatabase(database.name);
});
