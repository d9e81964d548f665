import { afterAll, inject } from "vitest";
import { generateKeyRingEntry } from "@/lib/crypto/key-ring";
import { closeDb } from "@/lib/db/client";
import { resetEnvCache } from "@/lib/env";
import { createDatabaseFrom, dropDatabase } from "./databases";

// Each integration test file runs in its own process against its own fresh copy of
// the migrated template, reached through the app's own `db()` via DATABASE_URL.
const database = await createDatabaseFrom(inject("templateDatabase"));
process.env.DATABASE_URL = database.url;
// As `npm start` requires: messages waiting for a mail server keep their invite link sealed under it.
process.env.CREDENTIALS_KEYS ||= generateKeyRingEntry("setup");
resetEnvCache();

afterAll(async () => {
  await closeDb();
  await dropDatabase(database.name);
});
