import { chmodSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import postgres from "postgres";
import { afterAll, describe, expect, it } from "vitest";
import { startEmbeddedPostgres, type EmbeddedDatabase } from "@/lib/db/embedded";
import { freePort } from "@/lib/db/free-port";

// Real embedded PostgreSQL servers, as a newcomer's clone starts them (no DATABASE_URL).
const root = mkdtempSync(path.join(os.tmpdir(), "embedded-pg-"));
chmodSync(root, 0o755);
const started: EmbeddedDatabase[] = [];
afterAll(async () => {
  for (const db of started) await db.stop().catch(() => {});
  rmSync(root, { recursive: true, force: true });
});

async function answers(url: string) {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    return (await sql`select 1 as one`)[0]?.one;
  } finally {
    await sql.end({ timeout: 1 });
  }
}

describe("the embedded PostgreSQL", () => {
  it("runs two clones side by side: the second takes another port and says so", async () => {
    const port = await freePort();
    const first = await startEmbeddedPostgres({ dir: path.join(root, "clone-a", ".data", "postgres"), port, database: "portal" });
    started.push(first);
    const moved: number[] = [];
    const second = await startEmbeddedPostgres({ dir: path.join(root, "clone-b", ".data", "postgres"), port, database: "portal", onPortChange: (p) => moved.push(p) });
    started.push(second);
    expect(first.port).toBe(port);
    expect(moved).toEqual([second.port]);
    expect(second.port).not.toBe(port);
    expect(await answers(first.url)).toBe(1);
    expect(await answers(second.url)).toBe(1);
  }, 120_000);

  it("refuses a data folder another server already runs on, in one line", async () => {
    const dir = path.join(root, "clone-a", ".data", "postgres");
    const error = await startEmbeddedPostgres({ dir, port: await freePort(), database: "portal" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toMatch(/is already in use by a PostgreSQL server \(pid \d+, port \d+\).*set DATABASE_URL$/);
    expect((error as Error).message).not.toContain("\n");
  });

  it("as root, names the folder the postgres user cannot enter; otherwise starts there", async () => {
    const locked = path.join(root, "locked");
    mkdirSync(locked);
    chmodSync(locked, 0o700);
    const dir = path.join(locked, "clone", ".data", "postgres");
    const result = await startEmbeddedPostgres({ dir, port: await freePort(), database: "portal" }).catch((e: unknown) => e);
    if (process.getuid?.() === 0) {
      expect((result as Error).message).toBe(
        `As root, the embedded PostgreSQL runs as the postgres user, who cannot enter ${locked}: make it reachable (chmod o+x ${locked}), run as another user, or set DATABASE_URL`,
      );
    } else {
      started.push(result as EmbeddedDatabase);
      expect(await answers((result as EmbeddedDatabase).url)).toBe(1);
    }
  }, 120_000);
});
