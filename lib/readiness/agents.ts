import "server-only";
import { and, eq, notInArray, sql } from "drizzle-orm";
import type { Change } from "../audit/change";
import type { AuditActor } from "../audit/record";
import type { RequestOrigin } from "../http/request-facts";
import { brokerageAgents } from "../db/schema";
import type { AgentList } from "./agent-list";
import { readinessCredentialOf, requestReadinessCheck } from "./run";

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

export type AgentListOutcome =
  | { ok: true; report: AgentListReport; runId: string | null }
  | { ok: false; problems: AgentList["problems"] };

/** Runs a change in the caller's audited transaction (a staff action's `ctx.change`, or the API's). */
export type ChangeRunner = <T>(fn: (change: Change) => Promise<T>) => Promise<T>;

/**
 * Stores a list from staff or the sync service: a list with any bad line writes nothing
 * and comes back with its problems; a stored list that changed starts a check of the new
 * and failing mailboxes when the brokerage has a verified credential.
 */
export async function submitAgentList(
  brokerageId: string,
  list: AgentList,
  who: { change: ChangeRunner; actor: AuditActor; triggeredBy: string | null; origin?: Partial<RequestOrigin> | null },
): Promise<AgentListOutcome> {
  if (list.problems.length) return { ok: false, problems: list.problems };
  const report = await who.change((change) => replaceAgents(change, brokerageId, list));
  const changed = report.added > 0 || report.removed > 0;
  const runId =
    changed && (await readinessCredentialOf(brokerageId))
      ? await requestReadinessCheck(brokerageId, { scope: "failing", trigger: "recheck", actor: who.actor, triggeredBy: who.triggeredBy, origin: who.origin })
      : null;
  return { ok: true, report, runId };
}
