import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { brokerageAgents, readinessRuns } from "@/lib/db/schema";
import { handleAgentsGet, handleAgentsPut } from "@/lib/handoff/agents-api";
import { createApiKey } from "@/lib/handoff/api-keys";
import { runReadinessCheck } from "@/lib/readiness/run";
import { APPS, scenario } from "@/sim/scenarios";
import { simulatedTenantForFile } from "../support/simulated-tenant";
import { createAttempt, createBrokerage } from "../support/review-fixtures";

/** The sync service sends the agent list and reads the ready ones, through the real handlers. */

const tenant = simulatedTenantForFile();
beforeEach(() => tenant.sim.control.reset());

const admin = { staffId: "admin-agents", origin: { ip: "198.51.100.8", userAgent: "browser" } };
const newKey = (scope: "agents:write" | "brokerages:read") => db().transaction((tx) => createApiKey(tx, { name: `Sync ${scope} ${Math.random()}`, scope }, admin));

const put = (brokerageId: string, key: string, body: string, type = "application/json") =>
  handleAgentsPut(
    new Request(`http://localhost/api/v1/brokerages/${brokerageId}/agents`, { method: "PUT", headers: { authorization: `Bearer ${key}`, "content-type": type }, body }),
    brokerageId,
  );
const get = (brokerageId: string, key: string) =>
  handleAgentsGet(new Request(`http://localhost/api/v1/brokerages/${brokerageId}/agents`, { headers: { authorization: `Bearer ${key}` } }), brokerageId);

const stored = async (brokerageId: string) =>
  (await db().select({ address: brokerageAgents.address }).from(brokerageAgents).where(eq(brokerageAgents.brokerageId, brokerageId))).map((r) => r.address).sort();

describe("PUT and GET /api/v1/brokerages/{id}/agents", () => {
  it("stores the list once, checks it, and returns the ready addresses", async () => {
    const good = scenario("good").values;
    const brokerage = await createBrokerage({ name: "Agents Api Realty", stage: "verified" });
    await createAttempt(brokerage.id, { status: "verified", tenantId: good.tenantId, clientId: APPS.sync.clientId, testMailbox: good.testMailbox, secret: APPS.sync.secret });
    const seeded = tenant.sim.control.seedAgents({ count: 10, prefix: "api", mix: { "not-found": 0.2 } });
    const { key } = await newKey("agents:write");
    const body = JSON.stringify({ agents: seeded.map((a) => a.address) });

    const first = await put(brokerage.id, key, body);
    expect(first.status).toBe(200);
    const report = (await first.json()) as { total: number; added: number; removed: number; readinessRunId: string };
    expect(report).toMatchObject({ total: 10, added: 10, removed: 0 });
    expect(await runReadinessCheck(report.readinessRunId)).toBe("finished");

    // The same list again changes nothing and starts no check.
    const again = await put(brokerage.id, key, body);
    expect(await again.json()).toMatchObject({ added: 0, removed: 0, readinessRunId: null });
    expect(await db().select().from(readinessRuns).where(eq(readinessRuns.brokerageId, brokerage.id))).toHaveLength(1);

    const { key: reader } = await newKey("brokerages:read");
    const answer = (await (await get(brokerage.id, reader)).json()) as { ready: string[]; counts: { ready: number; notReady: number } };
    expect(answer.ready).toEqual(seeded.filter((a) => a.kind === "ready").map((a) => a.address));
    expect(answer.counts).toMatchObject({ ready: 8, notReady: 2 });
    // A read-only key may not send the list.
    expect((await put(brokerage.id, reader, body)).status).toBe(403);
  });

  it("answers 422 with each bad line and stores nothing", async () => {
    const brokerage = await createBrokerage({ name: "Agents Api Bad Realty" });
    const { key } = await newKey("agents:write");
    expect((await put(brokerage.id, key, "a@harbor.example\nb@harbor.example", "text/csv")).status).toBe(200);

    const bad = await put(brokerage.id, key, JSON.stringify({ agents: ["c@harbor.example", "nobody", "d@harbor.example", ""] }));
    expect(bad.status).toBe(422);
    expect(await bad.json()).toEqual({
      error: "invalid_agents",
      message: "1 address is not in the correct format; nothing was stored. Fix it and send the whole list again.",
      problems: [{ line: 2, value: "nobody", message: "This is not an email address: it has no @." }],
    });
    const notJson = await put(brokerage.id, key, "{agents:");
    expect(notJson.status).toBe(422);
    expect(await stored(brokerage.id)).toEqual(["a@harbor.example", "b@harbor.example"]);
  });
});
