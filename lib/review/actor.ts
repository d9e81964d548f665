import type { AuditEntry } from "../audit/record";

/** Who acts on a submission, and from where (for the audit log). */
export type StaffActor = { staffId: string; origin?: AuditEntry["origin"] };

/** The audit actor and origin of a review change. */
export const auditActorOf = (actor: StaffActor) => ({ type: "staff", id: actor.staffId }) as const;
