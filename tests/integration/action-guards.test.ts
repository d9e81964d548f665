import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { performAction, type ActionDefinition } from "@/lib/actions/action";
import { brokerageGuard, publicGuard, SESSION_ENDED, type BrokerageContext, type PublicContext } from "@/lib/actions/guards";
import { inAuditedTransaction, UnauditedChangeError } from "@/lib/audit/change";
import { db } from "@/lib/db/client";
import { auditEvents, brokerages } from "@/lib/db/schema";
import { requestFacts } from "@/lib/http/request-facts";
import { createRateLimiter } from "@/lib/rate-limit/limiter";
import { brokerageRequest, brokerageWithInvite } from "../support/brokerages";

const Schema = z.object({ word: z.string().min(1, "Enter a word") });
const form = (word: string) => {
  const data = new FormData();
  data.set("word", word);
  return data;
};

/** A brokerage action that counts its runs and audits one event each time. */
function brokerageEcho(limit: number) {
  const runs: string[] = [];
  const definition: ActionDefinition<BrokerageContext, typeof Schema, { word: string }> = {
    guard: brokerageGuard({
      limiter: createRateLimiter({ name: `test-brokerage-${randomUUID()}`, limit, windowSeconds: 3600 }),
      crossOrigin: "Only from its own page.",
      limited: () => "Too many; wait.",
    }),
    schema: Schema,
    run: async ({ word }, ctx) => {
      runs.push(word);
      await ctx.change(({ audit }) => audit({ action: "credentials.checked-early", brokerageId: ctx.session.brokerageId, detail: { word } }));
      return { word };
    },
  };
  return { definition, runs };
}

describe("the brokerage guard", () => {
  it("refuses a request without a session, and runs nothing", async () => {
    const { definition, runs } = brokerageEcho(5);
    expect(await performAction(definition, form("hello"), await brokerageRequest(null))).toMatchObject({ status: "error", message: SESSION_ENDED });
    expect(runs).toEqual([]);
  });

  it("refuses a request from another origin even with a session, and runs nothing", async () => {
    const { brokerage, inviteId } = await brokerageWithInvite("Guard Origin Realty");
    const { definition, runs } = brokerageEcho(5);
    const request = await brokerageRequest({ brokerageId: brokerage.id, inviteId }, { origin: "https://attacker.example" });
    expect(await performAction(definition, form("hello"), request)).toMatchObject({ status: "error", message: "Only from its own page." });
    const noOrigin = new Headers(request);
    noOrigin.delete("origin");
    expect(await performAction(definition, form("hello"), noOrigin)).toMatchObject({ status: "error", message: "Only from its own page." });
    expect(runs).toEqual([]);
  });

  it("runs for the brokerage's own session and page, audited as the brokerage", async () => {
    const { brokerage, inviteId } = await brokerageWithInvite("Guard Session Realty");
    const { definition } = brokerageEcho(5);
    const state = await performAction(definition, form("hello"), await brokerageRequest({ brokerageId: brokerage.id, inviteId }));
    expect(state).toEqual({ status: "ok", result: { word: "hello" } });
    const [event] = await db().select().from(auditEvents).where(eq(auditEvents.brokerageId, brokerage.id));
    expect(event).toMatchObject({ actorType: "brokerage", actorId: brokerage.id, action: "credentials.checked-early", ip: "203.0.113.7", userAgent: "vitest" });
  });

  it("limits each brokerage after validation: a mistyped form costs nothing", async () => {
    const { brokerage, inviteId } = await brokerageWithInvite("Guard Limit Realty");
    const { definition, runs } = brokerageEcho(2);
    const request = await brokerageRequest({ brokerageId: brokerage.id, inviteId });
    expect(await performAction(definition, form(""), request)).toMatchObject({ status: "invalid", errors: { word: "Enter a word" }, values: { word: "" } });
    expect((await performAction(definition, form("one"), request)).status).toBe("ok");
    expect((await performAction(definition, form("two"), request)).status).toBe("ok");
    expect(await performAction(definition, form("three"), request)).toMatchObject({ status: "error", message: "Too many; wait.", values: { word: "three" } });
    expect(runs).toEqual(["one", "two"]);
  });
});

describe("the public guard", () => {
  it("shares its limit through PostgreSQL: two limiters of one name (two app instances) count together", async () => {
    const limit = { name: `test-public-${randomUUID()}`, limit: 3, windowSeconds: 3600 };
    const runs: string[] = [];
    const on = (instance: ReturnType<typeof createRateLimiter>): ActionDefinition<PublicContext, typeof Schema, null> => ({
      guard: publicGuard({ limiter: instance, address: (headers) => requestFacts(headers).ip, limited: () => "Wait a minute." }),
      schema: Schema,
      run: async ({ word }) => {
        runs.push(word);
        return null;
      },
    });
    const first = on(createRateLimiter(limit));
    const second = on(createRateLimiter(limit));
    const from = (ip: string) => new Headers({ "x-portal-client-address": ip });

    expect((await performAction(first, form("a"), from("198.51.100.1"))).status).toBe("ok");
    expect((await performAction(second, form("b"), from("198.51.100.1"))).status).toBe("ok");
    expect((await performAction(first, form("c"), from("198.51.100.1"))).status).toBe("ok");
    expect(await performAction(second, form("d"), from("198.51.100.1"))).toMatchObject({ status: "error", message: "Wait a minute." });
    // Another address has its own count.
    expect((await performAction(second, form("e"), from("198.51.100.2"))).status).toBe("ok");
    expect(runs).toEqual(["a", "b", "c", "e"]);
  });

  it("caps every address together when the limit has an overall cap", async () => {
    const limiter = createRateLimiter({ name: `test-overall-${randomUUID()}`, limit: 5, windowSeconds: 3600 }, { overall: 2 });
    expect((await limiter.hit("198.51.100.10")).allowed).toBe(true);
    expect((await limiter.hit("198.51.100.11")).allowed).toBe(true);
    expect((await limiter.hit("198.51.100.12")).allowed).toBe(false);
  });
});

describe("a Change", () => {
  it("is refused, and nothing commits, when it records no audit event", async () => {
    const name = `Unaudited ${randomUUID()}`;
    await expect(
      inAuditedTransaction({ type: "system" }, null, async ({ tx }) => {
        await tx.insert(brokerages).values({ name });
      }),
    ).rejects.toThrow(UnauditedChangeError);
    expect(await db().$count(brokerages, eq(brokerages.name, name))).toBe(0);
  });

  it("joins a caller's transaction and is refused there too, undoing only itself", async () => {
    const kept = `Kept ${randomUUID()}`;
    const refused = `Refused ${randomUUID()}`;
    await db().transaction(async (tx) => {
      await tx.insert(brokerages).values({ name: kept });
      await expect(
        inAuditedTransaction({ type: "system" }, null, ({ tx: inner }) => inner.insert(brokerages).values({ name: refused }), { on: tx }),
      ).rejects.toThrow(UnauditedChangeError);
    });
    expect(await db().$count(brokerages, eq(brokerages.name, kept))).toBe(1);
    expect(await db().$count(brokerages, eq(brokerages.name, refused))).toBe(0);
  });

  it("can end without a change: nothing commits and its value comes back", async () => {
    const name = `Unchanged ${randomUUID()}`;
    const value = await inAuditedTransaction({ type: "system" }, null, async ({ tx, unchanged }) => {
      await tx.insert(brokerages).values({ name });
      return unchanged("nothing to do");
    });
    expect(value).toBe("nothing to do");
    expect(await db().$count(brokerages, eq(brokerages.name, name))).toBe(0);
  });
});
