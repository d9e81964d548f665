import { Writable } from "node:stream";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { brokerages } from "@/lib/db/schema";
import { createLogger } from "@/lib/logger";

// A real failed statement through drizzle and PostgreSQL, logged the way the portal logs errors.
describe("a failed query in the logs", () => {
  it("keeps the SQL and its state code, never the statement's values or the row's", async () => {
    const lines: string[] = [];
    const log = createLogger(new Writable({ write: (chunk, _e, done) => void (lines.push(String(chunk)), done()) }));
    const secretLike = "https://portal.example/invite/tqWFa4SJLhchyAmCvHDjrFP2Xg49VBKrucpRD78Ylio";
    await db().insert(brokerages).values({ name: secretLike });
    // The same name again: a unique violation whose message, params and detail all carry the value.
    const error = await db().insert(brokerages).values({ name: secretLike.toUpperCase() }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect(String((error as Error).message)).toContain(secretLike.toUpperCase());
    log.error({ err: error }, "could not save");

    const out = lines.join("");
    expect(out).toContain("insert into \\\"brokerages\\\"");
    expect(out).toContain('"sqlState":"23505"');
    expect(out).not.toContain(secretLike);
    expect(out.toLowerCase()).not.toContain(secretLike.toLowerCase().slice(20));
    await db().delete(brokerages).where(eq(brokerages.name, secretLike));
  });
});
