import type { Executor } from "../db/client";
import { auditEvents } from "../db/schema";
import type { AuditAction } from "./actions";

export type AuditActor =
  | { type: "staff"; id: string }
  | { type: "brokerage"; id: string }
  | { type: "api"; id: string }
  | { type: "system"; id?: string };

export type AuditEntry = {
  actor: AuditActor;
  /** One of lib/audit/actions.ts, e.g. `invite.created`, `attempt.submitted`, `secret.decrypted`. */
  action: AuditAction;
  subject?: { type: string; id: string };
  brokerageId?: string | null;
  /** Where the request came from (IP and user agent), when there was a request. */
  origin?: { ip?: string | null; userAgent?: string | null };
  /** Facts about the change; never a secret or token. */
  detail?: Record<string, unknown>;
};

/** Writes one audit event; pass the transaction that makes the change so both land or neither. */
export async function recordAudit(tx: Executor, entry: AuditEntry) {
  await tx.insert(auditEvents).values({
    actorType: entry.actor.type,
    actorId: entry.actor.id ?? null,
    action: entry.action,
    subjectType: entry.subject?.type ?? null,
    subjectId: entry.subject?.id ?? null,
    brokerageId: entry.brokerageId ?? null,
    ip: entry.origin?.ip ?? null,
    userAgent: entry.origin?.userAgent ?? null,
    detail: entry.detail ?? null,
  });
}
