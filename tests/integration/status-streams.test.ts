import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runAction } from "@/lib/actions/action";
import { generateKeyRingEntry } from "@/lib/crypto/key-ring";
import { db } from "@/lib/db/client";
import { invites } from "@/lib/db/schema";
import { resetEnvCache } from "@/lib/env";
import { stopSender } from "@/lib/jobs/queue";
import { MAX_STREAMS_PER_SESSION, openStreamCount, statusEventStream, TooManyStreamsError } from "@/lib/submissions/status-stream";
import { submitCredentials } from "@/lib/submissions/submit";
import { formDataFromSubmissionInput } from "@/lib/validation/form-data";
import { APPS, MAILBOXES, TENANTS } from "@/sim/scenarios";
import { brokerageRequest, brokerageWithInvite } from "../support/brokerages";
import { installQueue } from "../support/queue";

/**
 * The live status streams share one poll per process: many open pages, one query a
 * tick; a session holds a few streams at most, and its streams end when it does.
 */

beforeAll(async () => {
  await installQueue();
  process.env.CREDENTIALS_KEYS = generateKeyRingEntry("str1");
  resetEnvCache();
});

afterAll(async () => {
  await stopSender();
});

const year = String(new Date().getUTCFullYear() + 1);

async function submittedAttempt(name: string) {
  const { brokerage } = await brokerageWithInvite(name);
  const [invite] = await db().select({ id: invites.id }).from(invites).where(eq(invites.brokerageId, brokerage.id));
  const form = formDataFromSubmissionInput(
    {
      tenantId: TENANTS.harbor.id,
      clientId: APPS.sync.clientId,
      clientSecret: APPS.sync.secret,
      expiry: { day: "1", month: "6", year },
      testMailbox: MAILBOXES.agent,
      sendTestMessage: true,
      submitterName: "Dana Whitfield",
      submitterEmail: "it@harbor.example",
      submitterPhone: "",
    },
    { idempotencyKey: randomUUID(), basedOn: "0" },
  );
  const outcome = await runAction(submitCredentials, form, await brokerageRequest({ brokerageId: brokerage.id, inviteId: invite!.id }));
  const [session] = await db().$client`select id from brokerage_sessions where brokerage_id = ${brokerage.id} limit 1`;
  return { brokerage, inviteId: invite!.id, attemptId: outcome.state.result!.attemptId, session: { sessionId: session!.id as string, brokerageId: brokerage.id } };
}

function reading(stream: ReadableStream<Uint8Array>) {
  const reader = stream.getReader();
  const decoder = new TextDecoder();
  let text = "";
  let ended = false;
  const done = (async () => {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      text += decoder.decode(value);
    }
    ended = true;
  })();
  return { text: () => text, ended: () => ended, done };
}

/** The queries PostgreSQL has run on this file's database so far (all sessions). */
async function statementsRun() {
  const [row] = await db().$client`select xact_commit::bigint + xact_rollback::bigint as n from pg_stat_database where datname = current_database()`;
  return Number(row!.n);
}

describe("live status streams", () => {
  it("serve many open pages from one poll: 40 cost about what one does", { timeout: 90_000 }, async () => {
    const attempts = await Promise.all(Array.from({ length: 40 }, (_, i) => submittedAttempt(`Stream Realty ${i}`)));
    const controllers = attempts.map(() => new AbortController());
    const open = (from: number, to: number) =>
      attempts.slice(from, to).map((a, i) => reading(statusEventStream(a.session, a.attemptId, controllers[from + i]!.signal, { intervalMs: 200 })));

    /** Transactions PostgreSQL counted on this database over three quiet seconds (its statistics lag about a second). */
    const transactionsOverThreeSeconds = async () => {
      await new Promise((r) => setTimeout(r, 1_500));
      const before = await statementsRun();
      await new Promise((r) => setTimeout(r, 3_000));
      await new Promise((r) => setTimeout(r, 1_500));
      return (await statementsRun()) - before;
    };

    const one = open(0, 1);
    await expect.poll(() => one[0]!.text().includes("event: status"), { timeout: 10_000 }).toBe(true);
    const withOne = await transactionsOverThreeSeconds();

    const rest = open(1, 40);
    await expect.poll(() => rest.every((r) => r.text().includes("event: status")), { timeout: 20_000 }).toBe(true);
    expect(openStreamCount()).toBe(40);
    const withForty = await transactionsOverThreeSeconds();

    // A poll per stream would cost forty times as much; the margin is for the database's other
    // work in those seconds (the queue's maintenance, a busy machine's late statistics).
    expect(withForty).toBeLessThan(withOne * 4);

    for (const c of controllers) c.abort();
    for (const r of [...one, ...rest]) void r.done.catch(() => undefined);
  });

  it("refuses a stream past the session's cap and ends its streams when the session ends", { timeout: 30_000 }, async () => {
    const { attemptId, session, inviteId } = await submittedAttempt("Capped Realty");
    const open = Array.from({ length: MAX_STREAMS_PER_SESSION }, () =>
      reading(statusEventStream(session, attemptId, new AbortController().signal, { intervalMs: 200 })),
    );
    expect(() => statusEventStream(session, attemptId, new AbortController().signal)).toThrow(TooManyStreamsError);

    await expect.poll(() => open.every((r) => r.text().includes("event: status")), { timeout: 10_000 }).toBe(true);
    await db().update(invites).set({ revokedAt: new Date() }).where(eq(invites.id, inviteId));
    await Promise.all(open.map((r) => r.done));
    expect(open.every((r) => r.ended())).toBe(true);
    // Their slots are free again.
    expect(() => statusEventStream(session, attemptId, new AbortController().signal).cancel()).not.toThrow();
  });
});
