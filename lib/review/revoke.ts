import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import { z } from "zod";
import { inAuditedTransaction } from "../audit/change";
import { brokerages, credentialApprovals, submissionAttempts } from "../db/schema";
import { UserError } from "../errors";
import { recordHandoffEvent } from "../handoff/events";
import { singleLineText } from "../validation/text";
import { dispatchAfterCommit } from "./approve";
import { destroySecretSet } from "./attempt-lock";
import { auditActorOf, type StaffActor } from "./actor";

export const RevokeSchema = z.object({
  reason: singleLineText("Reason", { max: 500, emptyMessage: "Enter why the credentials are revoked" }),
});

/**
 * Revokes a brokerage's active credentials: the sync service is told to stop using
 * them, the secret is destroyed, and the brokerage moves to "expired": like a brokerage
 * whose secret ran out, it needs a new invite and new credentials (the audit log and
 * the approval's end reason say it was a revocation).
 */
export async function revokeCredentials(
  brokerageId: string,
  input: { reason: string },
  actor: StaffActor,
  now = new Date(),
): Promise<{ attemptId: string }> {
  const parsed = RevokeSchema.safeParse(input);
  if (!parsed.success) throw new UserError(parsed.error.issues[0]!.message, "reason");
  const result = await inAuditedTransaction(auditActorOf(actor), actor.origin ?? null, async ({ tx, audit }) => {
    const [brokerage] = await tx.select({ id: brokerages.id }).from(brokerages).where(eq(brokerages.id, brokerageId)).for("update");
    if (!brokerage) throw new UserError("There is no such brokerage.");
    const [approval] = await tx
      .update(credentialApprovals)
      .set({ endedAt: now, endedBy: actor.staffId, endReason: "revoked" })
      .where(and(eq(credentialApprovals.brokerageId, brokerageId), isNull(credentialApprovals.endedAt)))
      .returning({ attemptId: credentialApprovals.attemptId });
    if (!approval) throw new UserError("This brokerage has no active credentials to revoke.");
    const [attempt] = await tx
      .update(submissionAttempts)
      // The attempt is replaced by nothing; its approval records why (end_reason "revoked").
      .set({ status: "superseded", ...destroySecretSet(now) })
      .where(eq(submissionAttempts.id, approval.attemptId))
      .returning({ tenantId: submissionAttempts.tenantId, clientId: submissionAttempts.clientId, secretExpiresOn: submissionAttempts.secretExpiresOn, number: submissionAttempts.number, credentialMethod: submissionAttempts.credentialMethod });
    await tx.update(brokerages).set({ stage: "revoked", stageChangedAt: now }).where(eq(brokerages.id, brokerageId));
    const deliveryId = await recordHandoffEvent(tx, {
      type: "credentials.revoked",
      at: now,
      data: { brokerageId, attemptId: approval.attemptId, tenantId: attempt!.tenantId, clientId: attempt!.clientId, secretExpiresOn: attempt!.secretExpiresOn, credentialMethod: attempt!.credentialMethod },
    });
    await audit({
      action: "credentials.revoked",
      subject: { type: "attempt", id: approval.attemptId },
      brokerageId,
      detail: { attemptNumber: attempt!.number, reason: parsed.data.reason, webhook: deliveryId },
    });
    return { attemptId: approval.attemptId, deliveryId };
  });
  await dispatchAfterCommit(result.deliveryId);
  return { attemptId: result.attemptId };
}
