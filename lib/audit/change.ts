import "server-only";
import { recordAudit, type AuditActor, type AuditEntry } from "./record";
import { db, type Transaction } from "../db/client";
import type { RequestOrigin } from "../http/request-origin";

/** One change: its transaction, who makes it, and its audit trail in the same transaction. */
export type Change = {
  tx: Transaction;
  actor: AuditActor;
  audit: (entry: Omit<AuditEntry, "actor" | "origin">) => Promise<void>;
};

export class UnauditedChangeError extends Error {
  constructor() {
    super("A change must record an audit event before it commits");
  }
}

/**
 * Runs `fn` in a transaction that commits only if it recorded at least one audit
 * event, so no staff or system change can land without its who/what/when/where.
 */
export async function inAuditedTransaction<T>(actor: AuditActor, origin: RequestOrigin | null, fn: (change: Change) => Promise<T>): Promise<T> {
  return db().transaction(async (tx) => {
    let audited = 0;
    const change: Change = {
      tx,
      actor,
      audit: async (entry) => {
        audited++;
        await recordAudit(tx, { ...entry, actor, origin: origin ?? undefined });
      },
    };
    const result = await fn(change);
    if (audited === 0) throw new UnauditedChangeError();
    return result;
  });
}
