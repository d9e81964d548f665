import "server-only";
import { recordAudit, type AuditActor, type AuditEntry } from "./record";
import { db, type Executor, type Transaction } from "../db/client";
import type { RequestOrigin } from "../http/request-facts";

/** One change: its transaction, who makes it, and its audit trail in the same transaction. */
export type Change = {
  tx: Transaction;
  actor: AuditActor;
  audit: (entry: Omit<AuditEntry, "actor" | "origin">) => Promise<void>;
  /**
   * Ends the change without committing anything, e.g. when the row was already in the
   * wanted state: the transaction rolls back and `inAuditedTransaction` returns `value`.
   */
  unchanged: (value: unknown) => never;
};

class NothingChanged {
  constructor(readonly value: unknown) {}
}

export class UnauditedChangeError extends Error {
  constructor() {
    super("A change must record an audit event before it commits");
  }
}

type Options = {
  /**
   * Run inside this executor instead of a new transaction: the caller's open
   * transaction (the change joins it, in a savepoint) or the pool (a new one).
   */
  on?: Executor;
};

/**
 * Runs `fn` in a transaction that commits only if it recorded at least one audit
 * event, so no staff or system change can land without its who/what/when/where.
 */
export async function inAuditedTransaction<T>(
  actor: AuditActor,
  origin: Partial<RequestOrigin> | null,
  fn: (change: Change) => Promise<T>,
  options: Options = {},
): Promise<T> {
  const executor = options.on ?? db();
  let declined: NothingChanged | undefined;
  try {
    // A transaction's `transaction()` opens a savepoint, so a refused change undoes only itself.
    return await executor.transaction(async (tx) => {
      let audited = 0;
      const change: Change = {
        tx,
        actor,
        audit: async (entry) => {
          audited++;
          await recordAudit(tx, { ...entry, actor, origin: origin ?? undefined });
        },
        unchanged: (value) => {
          declined = new NothingChanged(value);
          throw declined;
        },
      };
      const result = await fn(change);
      if (audited === 0) throw new UnauditedChangeError();
      return result;
    });
  } catch (error) {
    if (declined && error === declined) return declined.value as T;
    throw error;
  }
}
