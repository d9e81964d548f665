import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import { z } from "zod";
import { recordAudit } from "../audit/record";
import { db } from "../db/client";
import { brokerages, credentialApprovals, submissionAttempts } from "../db/schema";
import { recordHandoffEvent } from "../handoff/events";
import { hasHiddenCharacters } from "../validation/text";
import { dispatchAfterCommit } from "./approve";
import { destroySecretSet } from "./attempt-lock";
import { notFound, refused, type ActionResult, type StaffActor } from "./result";

export const RevokeSchema = z.object({
  reason: z
    .string()
    .trim()
    .min(1, "Enter why the credentials are revoked")
    .max(500, "Reason must be 500 characters or fewer")
    .refine((v) => !hasHiddenCharacters(v), "Reason must not contain hidden characters"),
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
): Promise<ActionResult> {
  const parsed = RevokeSchema.safeParse(input);
  if (!parsed.success) {
    const message = parsed.error.issues[0]!.message;
    return { ok: false, code: "invalid", message, fieldErrors: { reason: message } };
  }
  const result = await db().transaction(async (tx) => {
    const [brokerage] = await tx.select({ id: brokerages.id }).from(brokerages).where(eq(brokerages.id, brokerageId)).for("update");
    if (!brokerage) return notFound("brokerage");
    const [approval] = await tx
      .update(credentialApprovals)
      .set({ endedAt: now, endedBy: actor.staffId, endReason: "revoked" })
      .where(and(eq(credentialApprovals.brokerageId, brokerageId), isNull(credentialApprovals.endedAt)))
      .returning({ attemptId: credentialApprovals.attemptId });
    if (!approval) return refused("This brokerage has no active credentials to revoke.");
    const [attempt] = await tx
      .update(submissionAttempts)
      // The attempt is replaced by nothing; its approval records why (end_reason "revoked").
      .set({ status: "superseded", ...destroySecretSet(now) })
      .where(eq(submissionAttempts.id, approval.attemptId))
      .returning({ tenantId: submissionAttempts.tenantId, clientId: submissionAttempts.clientId, secretExpiresOn: submissionAttempts.secretExpiresOn, number: submissionAttempts.number });
    await tx.update(brokerages).set({ stage: "expired", stageChangedAt: now }).where(eq(brokerages.id, brokerageId));
    const deliveryId = await recordHandoffEvent(tx, {
      type: "credentials.revoked",
      at: now,
      data: { brokerageId, attemptId: approval.attemptId, tenantId: attempt!.tenantId, clientId: attempt!.clientId, secretExpiresOn: attempt!.secretExpiresOn },
    });
    await recordAudit(tx, {
      actor: { type: "staff", id: actor.staffId },
      action: "credentials.revoked",
      subject: { type: "attempt", id: approval.attemptId },
      brokerageId,
      origin: actor.origin,
      detail: { attemptNumber: attempt!.number, reason: parsed.data.reason, webhook: deliveryId },
    });
    return { ok: true as const, deliveryId };
  });
  if (!result.ok) return result;
  await dispatchAfterCommit(result.deliveryId);
  return { ok: true };
}
