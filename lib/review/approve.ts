import "server-only";
import { hasStoredCredential } from "../runs/credentials";
import { and, eq, isNull } from "drizzle-orm";
import { inAuditedTransaction } from "../audit/change";
import { brokerages, credentialApprovals, submissionAttempts } from "../db/schema";
import { dispatchWebhook } from "../handoff/deliver";
import { recordHandoffEvent } from "../handoff/events";
import { UserError } from "../errors";
import { logger } from "../logger";
import { approvalBlocker } from "./approvability";
import { destroySecretSet, lockAttempt } from "./attempt-lock";
import { latestRunOf } from "./detail";
import { auditActorOf, type StaffActor } from "./actor";

/**
 * Approves an attempt: its credentials become the brokerage's active ones, the
 * brokerage moves to "approved", and the sync service is told (approved, or rotated
 * when other credentials were active; the replaced attempt's secret is destroyed).
 */
export async function approveAttempt(
  attemptId: string,
  actor: StaffActor,
  now = new Date(),
): Promise<{ approvalId: string; event: "credentials.approved" | "credentials.rotated" }> {
  const result = await inAuditedTransaction(auditActorOf(actor), actor.origin ?? null, async ({ tx, audit }) => {
    const locked = await lockAttempt(tx, attemptId);
    if (!locked) throw new UserError("There is no such submission.");
    const { attempt, brokerage } = locked;
    const run = await latestRunOf(tx, attemptId);
    const blocker = approvalBlocker(
      { status: attempt.status, secretStored: hasStoredCredential(attempt), latestRun: run },
      now,
    );
    if (blocker) throw new UserError(blocker);

    const [previous] = await tx
      .update(credentialApprovals)
      .set({ endedAt: now, endedBy: actor.staffId, endReason: "rotated" })
      .where(and(eq(credentialApprovals.brokerageId, brokerage.id), isNull(credentialApprovals.endedAt)))
      .returning({ attemptId: credentialApprovals.attemptId });
    if (previous) {
      await tx
        .update(submissionAttempts)
        .set({ status: "superseded", ...destroySecretSet(now) })
        .where(eq(submissionAttempts.id, previous.attemptId));
    }
    const [approval] = await tx
      .insert(credentialApprovals)
      .values({ brokerageId: brokerage.id, attemptId, runId: run!.id, approvedBy: actor.staffId, approvedAt: now })
      .returning({ id: credentialApprovals.id });
    await tx.update(submissionAttempts).set({ status: "approved" }).where(eq(submissionAttempts.id, attemptId));
    await tx.update(brokerages).set({ stage: "approved", stageChangedAt: now }).where(eq(brokerages.id, brokerage.id));

    const event = previous ? ("credentials.rotated" as const) : ("credentials.approved" as const);
    const deliveryId = await recordHandoffEvent(tx, {
      type: event,
      at: now,
      data: {
        brokerageId: brokerage.id,
        attemptId,
        tenantId: attempt.tenantId,
        clientId: attempt.clientId,
        secretExpiresOn: attempt.secretExpiresOn,
        accessScope: attempt.accessScope,
        credentialMethod: attempt.credentialMethod,
        ...(attempt.credentialMethod === "certificate" && attempt.certificateThumbprint ? { certificateThumbprint: attempt.certificateThumbprint } : {}),
        previousAttemptId: previous?.attemptId ?? null,
      },
    });
    await audit({
      action: "attempt.approved",
      subject: { type: "attempt", id: attemptId },
      brokerageId: brokerage.id,
      detail: { attemptNumber: attempt.number, runId: run!.id, replacedAttemptId: previous?.attemptId ?? null, webhook: deliveryId },
    });
    return { approvalId: approval!.id, event, deliveryId };
  });
  await dispatchAfterCommit(result.deliveryId);
  return { approvalId: result.approvalId, event: result.event };
}

/** The event is already in the delivery log; if queueing fails now, the sweeper sends it later. */
export async function dispatchAfterCommit(deliveryId: string) {
  await dispatchWebhook(deliveryId).catch((error: unknown) =>
    logger().warn({ err: error, deliveryId }, "webhook dispatch deferred to the sweeper"),
  );
}
