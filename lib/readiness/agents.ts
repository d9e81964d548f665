import "server-only";
import { and, eq, notInArray, sql } from "drizzle-orm";
import type { Change } from "../audit/change";
import { brokerageAgents } from "../db/schema";
import type { AgentList } from "./agent-list";

/**
 * A brokerage's agent list, replaced as a whole (the same request twice changes nothing):
 * new addresses are added unchecked, missing ones removed with their results, the rest
 * keep theirs. The caller passes a list without problems; one with problems writes nothing.
 */

export type AgentListReport = { total: number; added: number; removed: number; duplicates: number };

const CHUNK = 1_000;

export async function replaceAgents(change: Change, brokerageId: string, list: AgentList): Promise<AgentListReport> {
  if (list.problems.length) throw new Error("A list with problems must not be stored");
  const { tx } = change;
  // One replacement at a time per brokerage: concurrent PUTs of the sync service queue up.
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext('brokerage-agents'), hashtext(${brokerageId}))`);
  const removed = await tx
    .delete(brokerageAgents)
    .where(and(eq(brokerageAgents.brokerageId, brokerageId), list.addresses.length ? notInArray(brokerageAgents.address, list.addresses) : undefined))
    .returning({ id: brokerageAgents.id });
  let added = 0;
  for (let i = 0; i < list.addresses.length; i += CHUNK) {
    const rows = await tx
      .insert(brokerageAgents)
      .values(list.addresses.slice(i, i + CHUNK).map((address) => ({ brokerageId, address })))
      .onConflictDoNothing()
      .returning({ id: brokerageAgents.id });
    added += rows.length;
  }
  const report = { total: list.addresses.length, added, removed: removed.length, duplicates: list.duplicates };
  if (!added && !removed.length) return change.unchanged(report);
  await change.audit({ action: "agents.replaced", subject: { type: "brokerage", id: brokerageId }, brokerageId, detail: report });
  return report;
}
