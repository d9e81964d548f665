import "server-only";
import { sql } from "drizzle-orm";
import { liveSessionIds } from "../auth/brokerage-session";
import { db } from "../db/client";
import { logger } from "../logger";
import { getAttemptForBrokerage } from "./queries";
import { getStatusView } from "./status-view";

/**
 * Server-sent events for the status page. Progress is read from PostgreSQL rather than
 * pushed in memory, so the page works whichever app instance serves it and whichever
 * worker runs the checks. One shared poll per process serves every open stream: a
 * single query per tick tells which watched attempts changed and which sessions ended,
 * and a changed attempt's view is built once for all its watchers. `done` tells the
 * browser to stop listening.
 */

const encoder = new TextEncoder();

/** Open status streams one brokerage session may hold (tabs on the same page); more are refused. */
export const MAX_STREAMS_PER_SESSION = 4;

export type StreamOptions = { intervalMs?: number; heartbeatMs?: number; maxMs?: number };

type Watcher = {
  sessionId: string;
  brokerageId: string;
  attemptId: string;
  started: number;
  lastSent: number;
  last: string;
  maxMs: number;
  heartbeatMs: number;
  send: (text: string) => void;
  close: () => void;
};

const watchers = new Set<Watcher>();
/** Each watched attempt's last change stamp: its status, latest run and newest check update. */
const stamps = new Map<string, string>();
let timer: NodeJS.Timeout | undefined;
let intervalMs = 500;

export class TooManyStreamsError extends Error {}

export function statusEventStream(
  session: { sessionId: string; brokerageId: string },
  attemptId: string,
  signal: AbortSignal,
  options: StreamOptions = {},
) {
  if ([...watchers].filter((w) => w.sessionId === session.sessionId).length >= MAX_STREAMS_PER_SESSION) {
    throw new TooManyStreamsError(`at most ${MAX_STREAMS_PER_SESSION} live status streams per session`);
  }
  if (options.intervalMs) intervalMs = options.intervalMs;
  let watcher: Watcher | undefined;
  return new ReadableStream<Uint8Array>({
    start(controller) {
      const now = Date.now();
      watcher = {
        ...session,
        attemptId,
        started: now,
        lastSent: now,
        last: "",
        // Long-lived connections are recycled; EventSource reconnects by itself.
        maxMs: options.maxMs ?? 5 * 60_000,
        heartbeatMs: options.heartbeatMs ?? 15_000,
        send: (text) => {
          try {
            controller.enqueue(encoder.encode(text));
          } catch {
            watchers.delete(watcher!);
          }
        },
        close: () => {
          if (!watchers.delete(watcher!)) return;
          try {
            controller.close();
          } catch {
            // the browser left already
          }
        },
      };
      watcher.send("retry: 2000\n\n");
      watchers.add(watcher);
      stamps.delete(attemptId); // the newcomer needs a first snapshot
      signal.addEventListener("abort", () => watcher && watchers.delete(watcher), { once: true });
      schedule(0);
    },
    cancel() {
      if (watcher) watchers.delete(watcher);
    },
  });
}

/** How many streams this process holds open (for the benchmark and tests). */
export function openStreamCount() {
  return watchers.size;
}

function schedule(delay: number) {
  if (timer || !watchers.size) return;
  timer = setTimeout(() => {
    void tick().finally(() => {
      timer = undefined;
      schedule(intervalMs);
    });
  }, delay);
}

async function tick() {
  const current = [...watchers];
  if (!current.length) return;
  let changed: Map<string, string>;
  let live: Set<string>;
  try {
    changed = await changeStamps([...new Set(current.map((w) => w.attemptId))]);
    live = await liveSessionIds([...new Set(current.map((w) => w.sessionId))]);
  } catch (error) {
    // The browser reconnects (with back-off) and gets a 503 while the database is away.
    logger().warn({ err: error }, "status streams could not read progress; closing them");
    for (const w of current) w.close();
    return;
  }
  const views = new Map<string, Promise<{ json: string; final: boolean } | null>>();
  for (const w of current) {
    if (!live.has(w.sessionId) || Date.now() - w.started > w.maxMs) {
      w.close();
      continue;
    }
    const stamp = changed.get(w.attemptId);
    if (stamp === undefined) {
      w.close();
      continue;
    }
    if (stamps.get(w.attemptId) === stamp && w.last) {
      if (Date.now() - w.lastSent > w.heartbeatMs) {
        w.send(": still checking\n\n");
        w.lastSent = Date.now();
      }
      continue;
    }
    if (!views.has(w.attemptId)) views.set(w.attemptId, viewOf(w.brokerageId, w.attemptId));
    const view = await views.get(w.attemptId)!.catch(() => null);
    if (!view) {
      w.close();
      continue;
    }
    if (view.json !== w.last) {
      w.send(`event: status\ndata: ${view.json}\n\n`);
      w.last = view.json;
      w.lastSent = Date.now();
    }
    if (view.final) {
      w.send("event: done\ndata: {}\n\n");
      w.close();
    }
  }
  for (const [attemptId, stamp] of changed) stamps.set(attemptId, stamp);
  for (const attemptId of stamps.keys()) if (![...watchers].some((w) => w.attemptId === attemptId)) stamps.delete(attemptId);
}

async function viewOf(brokerageId: string, attemptId: string) {
  const attempt = await getAttemptForBrokerage(brokerageId, attemptId);
  if (!attempt) return null;
  const view = await getStatusView(attempt);
  return { json: JSON.stringify(view), final: view.final };
}

/** One query for every watched attempt: a stamp that changes whenever its status view can. */
async function changeStamps(attemptIds: string[]): Promise<Map<string, string>> {
  const rows = await db().execute<{ id: string; stamp: string }>(sql`
    select a.id, a.status::text || '|' || coalesce((
      select r.id::text || r.outcome::text || coalesce(max(c.updated_at)::text, '')
      from verification_runs r left join check_results c on c.run_id = r.id
      where r.attempt_id = a.id
      group by r.id
      order by r.started_at desc
      limit 1
    ), '') as stamp
    from submission_attempts a
    where a.id = any(${`{${attemptIds.join(",")}}`}::uuid[])`);
  return new Map([...rows].map((r) => [r.id, r.stamp]));
}
