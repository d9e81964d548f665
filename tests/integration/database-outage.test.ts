import { randomUUID } from "node:crypto";
import net from "node:net";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DATABASE_AWAY, runAction } from "@/lib/actions/action";
import { generateKeyRingEntry } from "@/lib/crypto/key-ring";
import { closeDb, db } from "@/lib/db/client";
import { isDatabaseUnavailable } from "@/lib/db/errors";
import { invites, submissionAttempts } from "@/lib/db/schema";
import { resetEnvCache } from "@/lib/env";
import { checkHealth } from "@/lib/health";
import { stopSender } from "@/lib/jobs/queue";
import { getAttemptForBrokerage } from "@/lib/submissions/queries";
import { statusEventStream } from "@/lib/submissions/status-stream";
import { submitCredentials } from "@/lib/submissions/submit";
import { formDataFromSubmissionInput } from "@/lib/validation/form-data";
import { APPS, MAILBOXES, TENANTS } from "@/sim/scenarios";
import { brokerageRequest, brokerageWithInvite } from "../support/brokerages";
import { installQueue } from "../support/queue";

/**
 * The database going away under a running portal, made real with a TCP proxy in front of
 * this file's database that the test cuts and restores (the machine's PostgreSQL keeps
 * running for everyone else): posts get the calm answer with what was typed, health
 * names the database, and everything works again without a restart.
 */

type Proxy = { url: string; cut: () => Promise<void>; restore: () => Promise<void>; close: () => Promise<void> };

async function tcpProxy(targetUrl: string): Promise<Proxy> {
  const target = new URL(targetUrl);
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    const upstream = net.connect(Number(target.port || 5432), target.hostname);
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on("close", () => sockets.delete(s));
      s.on("error", () => s.destroy());
    }
    client.pipe(upstream).pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as net.AddressInfo).port;
  const url = new URL(targetUrl);
  url.hostname = "127.0.0.1";
  url.port = String(port);
  const stopListening = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return {
    url: url.toString(),
    // As a stopped server: open connections drop, new ones are refused.
    cut: async () => {
      const closed = stopListening();
      for (const s of sockets) s.destroy();
      await closed;
    },
    restore: () => new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve)),
    close: async () => {
      for (const s of sockets) s.destroy();
      if (server.listening) await stopListening();
    },
  };
}

let proxy: Proxy;
const directUrl = process.env.DATABASE_URL!;

beforeAll(async () => {
  await installQueue();
  process.env.CREDENTIALS_KEYS = generateKeyRingEntry("out1");
  proxy = await tcpProxy(directUrl);
  await closeDb();
  process.env.DATABASE_URL = proxy.url;
  resetEnvCache();
});

afterAll(async () => {
  await stopSender();
  await closeDb();
  await proxy?.close();
  process.env.DATABASE_URL = directUrl;
  resetEnvCache();
});

const year = String(new Date().getUTCFullYear() + 1);
const typed = {
  tenantId: TENANTS.harbor.id,
  clientId: APPS.sync.clientId,
  clientSecret: APPS.sync.secret,
  expiry: { day: "1", month: "6", year },
  testMailbox: MAILBOXES.agent,
  sendTestMessage: true,
  submitterName: "Dana Whitfield",
  submitterEmail: "it@harbor.example",
  submitterPhone: "",
};

describe("a database outage", () => {
  it("answers calmly and fast, keeps what was typed, names the database, and recovers without a restart", { timeout: 120_000 }, async () => {
    const { brokerage } = await brokerageWithInvite("Outage Realty");
    const [invite] = await db().select({ id: invites.id }).from(invites).where(eq(invites.brokerageId, brokerage.id));
    const headers = await brokerageRequest({ brokerageId: brokerage.id, inviteId: invite!.id });
    const form = () => formDataFromSubmissionInput(typed, { idempotencyKey: randomUUID(), basedOn: "0" });
    expect(await checkHealth()).toEqual({ ok: true, database: "reachable", migrations: "current" });

    await proxy.cut();
    const outageStarted = Date.now();

    let started = Date.now();
    const health = await checkHealth();
    expect(health).toMatchObject({ ok: false, database: "unreachable", migrations: "unknown" });
    expect(health.cause).toMatch(/^(ECONNREFUSED|CONNECTION_CLOSED|CONNECTION_DESTROYED|CONNECT_TIMEOUT|ECONNRESET)$/);
    expect(Date.now() - started).toBeLessThan(4_000);

    started = Date.now();
    const refused = await runAction(submitCredentials, form(), headers);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(refused.state).toMatchObject({ status: "error", message: DATABASE_AWAY });
    // What was typed comes back, except the secret.
    expect(refused.state.values).toMatchObject({ tenantId: TENANTS.harbor.id, testMailbox: MAILBOXES.agent, submitterName: "Dana Whitfield" });
    expect(JSON.stringify(refused.state)).not.toContain(APPS.sync.secret);

    // The live status route's first query fails as one it answers 503 to.
    const error = await getAttemptForBrokerage(brokerage.id, randomUUID()).catch((e: unknown) => e);
    expect(isDatabaseUnavailable(error)).toBe(true);

    // Thirty seconds down, then back: the same process serves again.
    await new Promise((r) => setTimeout(r, Math.max(0, 30_000 - (Date.now() - outageStarted))));
    await proxy.restore();
    await expect
      .poll(() => checkHealth(), { timeout: 15_000, interval: 500 })
      .toEqual({ ok: true, database: "reachable", migrations: "current" });
    const accepted = await runAction(submitCredentials, form(), headers);
    expect(accepted.state.status).toBe("ok");
    expect(await db().$count(submissionAttempts, eq(submissionAttempts.brokerageId, brokerage.id))).toBe(1);
  });

  it("closes open status streams when progress cannot be read, so the page reconnects", { timeout: 60_000 }, async () => {
    const { brokerage } = await brokerageWithInvite("Stream Outage Realty");
    const [invite] = await db().select({ id: invites.id }).from(invites).where(eq(invites.brokerageId, brokerage.id));
    const accepted = await runAction(
      submitCredentials,
      formDataFromSubmissionInput(typed, { idempotencyKey: randomUUID(), basedOn: "0" }),
      await brokerageRequest({ brokerageId: brokerage.id, inviteId: invite!.id }),
    );
    const attemptId = accepted.state.result!.attemptId;
    const [session] = await db().$client`select id from brokerage_sessions where brokerage_id = ${brokerage.id} limit 1`;
    const stream = statusEventStream({ sessionId: session!.id as string, brokerageId: brokerage.id }, attemptId, new AbortController().signal, {
      intervalMs: 200,
    });
    const reader = stream.getReader();
    const decoder = new TextDecoder();
    let text = "";
    while (!text.includes("event: status")) text += decoder.decode((await reader.read()).value);

    await proxy.cut();
    try {
      // The stream ends (rather than hanging on with stale progress).
      for (;;) {
        const { done } = await reader.read();
        if (done) break;
      }
    } finally {
      await proxy.restore();
    }
  });
});
