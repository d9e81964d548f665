import "server-only";
import { and, asc, desc, eq, gt, sql } from "drizzle-orm";
import { db, type Executor } from "../db/client";
import { brokerageAgents, brokerages, readinessRuns } from "../db/schema";
import { decodeCursor, encodeCursor } from "../pagination/keyset";
import type { ReadinessStatus } from "./provider";

/**
 * What staff and the sync service read: the brokerage's readiness (counts by status and
 * reason), its agents a keyset page at a time (filtered by status and reason), every row
 * for the CSV export, and the latest run's progress.
 */

export type AgentStatus = ReadinessStatus | "unchecked";
export const AGENT_STATUSES: readonly AgentStatus[] = ["ready", "not-ready", "unknown", "unchecked"];

export type ReadinessCounts = {
  total: number;
  ready: number;
  notReady: number;
  unknown: number;
  unchecked: number;
  /** Not ready and unknown mailboxes by §4 reason. */
  byReason: Record<string, number>;
};

export async function readinessCounts(brokerageId: string, on: Executor = db()): Promise<ReadinessCounts> {
  const rows = await on
    .select({ status: brokerageAgents.status, reason: brokerageAgents.reason, n: sql<number>`count(*)::int` })
    .from(brokerageAgents)
    .where(eq(brokerageAgents.brokerageId, brokerageId))
    .groupBy(brokerageAgents.status, brokerageAgents.reason);
  const counts: ReadinessCounts = { total: 0, ready: 0, notReady: 0, unknown: 0, unchecked: 0, byReason: {} };
  for (const r of rows) {
    counts.total += r.n;
    if (r.status === "ready") counts.ready += r.n;
    if (r.status === "not-ready") counts.notReady += r.n;
    if (r.status === "unknown") counts.unknown += r.n;
    if (r.status === "unchecked") counts.unchecked += r.n;
    if (r.reason && (r.status === "not-ready" || r.status === "unknown")) counts.byReason[r.reason] = (counts.byReason[r.reason] ?? 0) + r.n;
  }
  return counts;
}

export type AgentFilter = { status?: AgentStatus; reason?: string };

const filterOf = (brokerageId: string, filter: AgentFilter) =>
  and(
    eq(brokerageAgents.brokerageId, brokerageId),
    filter.status ? eq(brokerageAgents.status, filter.status) : undefined,
    filter.reason ? eq(brokerageAgents.reason, filter.reason) : undefined,
  );

export const AGENT_PAGE_SIZE = 50;

const agentColumns = {
  address: brokerageAgents.address,
  status: brokerageAgents.status,
  reason: brokerageAgents.reason,
  microsoftCode: brokerageAgents.microsoftCode,
  checkedAt: brokerageAgents.checkedAt,
};

/** One page of agents by address; `next` is the cursor of the following page, if any. */
export async function listAgents(brokerageId: string, filter: AgentFilter, cursor?: string) {
  const after = decodeCursor(cursor, ["mailbox"] as const)?.[0];
  const rows = await db()
    .select(agentColumns)
    .from(brokerageAgents)
    .where(and(filterOf(brokerageId, filter), after ? gt(brokerageAgents.address, after) : undefined))
    .orderBy(asc(brokerageAgents.address))
    .limit(AGENT_PAGE_SIZE + 1);
  const page = rows.slice(0, AGENT_PAGE_SIZE);
  return { rows: page, next: rows.length > AGENT_PAGE_SIZE ? encodeCursor([page[page.length - 1]!.address]) : null };
}

/** Every agent matching the filter, in address order, a page at a time (the export streams these). */
export async function* allAgents(brokerageId: string, filter: AgentFilter) {
  let after = "";
  for (;;) {
    const rows = await db()
      .select(agentColumns)
      .from(brokerageAgents)
      .where(and(filterOf(brokerageId, filter), gt(brokerageAgents.address, after)))
      .orderBy(asc(brokerageAgents.address))
      .limit(1000);
    yield* rows;
    if (rows.length < 1000) return;
    after = rows[rows.length - 1]!.address;
  }
}

export async function latestReadinessRun(brokerageId: string, on: Executor = db()) {
  const [run] = await on.select().from(readinessRuns).where(eq(readinessRuns.brokerageId, brokerageId)).orderBy(desc(readinessRuns.createdAt)).limit(1);
  return run ?? null;
}

export async function readinessBrokerage(brokerageId: string) {
  const [row] = await db().select({ id: brokerages.id, name: brokerages.name, stage: brokerages.stage, csmId: brokerages.csmId }).from(brokerages).where(eq(brokerages.id, brokerageId));
  return row ?? null;
}

/** The ready addresses, for the sync service (the hand-off API). */
export async function readyAddresses(brokerageId: string): Promise<string[]> {
  const rows = await db()
    .select({ address: brokerageAgents.address })
    .from(brokerageAgents)
    .where(and(eq(brokerageAgents.brokerageId, brokerageId), eq(brokerageAgents.status, "ready")))
    .orderBy(asc(brokerageAgents.address));
  return rows.map((r) => r.address);
}

/** Readiness in one line for lists (the queue, the submission detail): null when the brokerage has no agents. */
export async function readinessSummaries(brokerageIds: readonly string[]): Promise<Map<string, { total: number; ready: number; checked: number }>> {
  if (!brokerageIds.length) return new Map();
  const rows = await db()
    .select({
      brokerageId: brokerageAgents.brokerageId,
      total: sql<number>`count(*)::int`,
      ready: sql<number>`count(*) filter (where ${brokerageAgents.status} = 'ready')::int`,
      checked: sql<number>`count(*) filter (where ${brokerageAgents.status} <> 'unchecked')::int`,
    })
    .from(brokerageAgents)
    .where(sql`${brokerageAgents.brokerageId} in ${brokerageIds}`)
    .groupBy(brokerageAgents.brokerageId);
  return new Map(rows.map((r) => [r.brokerageId, { total: r.total, ready: r.ready, checked: r.checked }]));
}


export type ReadinessProgress = {
  runId: string;
  status: "queued" | "running" | "finished" | "failed";
  total: number;
  checked: number;
  ready: number;
  reason: string | null;
};

/** The latest run in the shape the page polls. */
export async function readinessProgress(brokerageId: string): Promise<ReadinessProgress | null> {
  const run = await latestReadinessRun(brokerageId);
  return run && { runId: run.id, status: run.status, total: run.total, checked: run.checked, ready: run.ready, reason: run.reason };
}
