import { eq, ilike } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { isUniqueViolation } from "@/lib/db/errors";
import { brokerages, invites } from "@/lib/db/schema";
import { checkHealth } from "@/lib/health";
import { startWorker, enqueue, stopSender } from "@/lib/jobs/queue";

describe("the database through the schema", () => {
  it("stores a brokerage with an invite and reads them back", async () => {
    const [brokerage] = await db().insert(brokerages).values({ name: "Harbor Realty", emailDomain: "harbor.example" }).returning();
    expect(brokerage?.stage).toBe("new");
    await db()
      .insert(invites)
      .values({
        brokerageId: brokerage!.id,
        tokenHash: "a".repeat(64),
        recipientEmail: "it@harbor.example",
        expiresAt: new Date(Date.now() + 86_400_000),
      });
    const found = await db().query.invites.findMany({ where: eq(invites.brokerageId, brokerage!.id) });
    expect(found).toHaveLength(1);
    expect(found[0]?.recipientEmail).toBe("it@harbor.example");
  });

  it("refuses a second brokerage with the same name in another case", async () => {
    await db().insert(brokerages).values({ name: "Summit Homes" });
    const error = await db().insert(brokerages).values({ name: "SUMMIT HOMES" }).catch((e: unknown) => e);
    expect(isUniqueViolation(error, "brokerages_name_key")).toBe(true);
    expect(await db().$count(brokerages, ilike(brokerages.name, "summit homes"))).toBe(1);
  });
});

describe("health", () => {
  it("reports a reachable database with current migrations", async () => {
    await expect(checkHealth()).resolves.toEqual({ ok: true, database: "reachable", migrations: "current" });
  });

  it("reports behind when the database lacks a shipped migration", async () => {
    const sql = db().$client;
    const [last] = await sql`select id, hash, created_at from drizzle.__drizzle_migrations order by id desc limit 1`;
    await sql`delete from drizzle.__drizzle_migrations where id = ${last!.id}`;
    try {
      await expect(checkHealth()).resolves.toMatchObject({ ok: false, migrations: "behind" });
    } finally {
      await sql`insert into drizzle.__drizzle_migrations (id, hash, created_at) values (${last!.id}, ${last!.hash}, ${last!.created_at})`;
    }
  });
});

describe("the background queue", () => {
  it("delivers a queued job to a worker on the same database", async () => {
    const received: unknown[] = [];
    let resolveDone: () => void;
    const done = new Promise<void>((resolve) => (resolveDone = resolve));
    const worker = await startWorker(process.env.DATABASE_URL!, [
      {
        name: "test.echo",
        handler: async (data: { value: number }) => {
          received.push(data.value);
          resolveDone();
        },
      },
    ]);
    try {
      await enqueue("test.echo", { value: 42 });
      await done;
      expect(received).toEqual([42]);
    } finally {
      await stopSender();
      await worker.stop({ graceful: false, wait: true });
    }
  });
});
