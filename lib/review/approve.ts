import "server-only";
import { hasStoredCredential } from "../runs/credentials";
import { and, eq, isNull } from "drizzle-orm";
import { inAuditedTransaction } from "../audit/change";
import type { Transaction } from "../db/client";
import { brokerages, credentialApprovals, submissionAttempts } from "../db/schema";
import { dispatchWebhook } from "../handoff/deliver";
import { recordHandoffEvent, type HandoffEventData } from "../handoff/events";
import { UserError } from "../errors";
import { handoffProviderFacts } from "../handoff/provider";
import { logger } from "../logger";
import { approvalBlocker } from "./approvability";
import { destroySecretSet, lockAttempt } from "./attempt-lock";
import { latestRunOf } from "./detail";
import { auditActorOf, type StaffActor } from "./actor";
import { mismatchesOfAttempt } from "./domain-check";

/**
 * Approves an attempt: its credentials become the brokerage's active ones, the
 * brokerage moves to "approved", and the sync service is told (approved, or rotated
 * when other credentials were active; the replaced attempt's secret is destroyed).
 */
export async function approveAttempt(
  attemptId: string,
  actor: StaffActor,
  now = new Date(),
  options: { mismatchReason?: string } = {},
): Promise<{ approvalId: string; event: "credentials.approved" | "credentials.rotated" }> {
  // Discovery goes to the network: read it before the transaction's locks are taken.
  const mismatches = await mismatchesOfAttempt(attemptId);
  const mismatchReason = options.mismatchReason?.trim() ?? "";
  if (mismatches.length > 0 && !mismatchReason) {
    throw new UserError("Give the reason for approving although the domains do not match the brokerage's", "mismatchReason");
  }
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

    const { previous, approvalId, event, deliveryId } = await switchActiveCredentials(tx, {
      attempt,
      brokerageId: brokerage.id,
      runId: run!.id,
      approvedBy: actor.staffId,
      now,
    });
    await audit({
      action: "attempt.approved",
      subject: { type: "attempt", id: attemptId },
      brokerageId: brokerage.id,
      detail: {
        attemptNumber: attempt.number,
        runId: run!.id,
        replacedAttemptId: previous?.attemptId ?? null,
        webhook: deliveryId,
        ...(mismatches.length ? { domainMismatch: mismatches.map((m) => m.kind), mismatchReason } : {}),
      },
    });
    return { approvalId, event, deliveryId };
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

type AttemptRow = typeof submissionAttempts.$inferSelect;

/**
 * The one switch of a brokerage's active credentials, inside the caller's transaction:
 * the active approval ends (rotated) and its attempt's credential is destroyed, the
 * attempt becomes the active one, the brokerage is "approved", and the hand-off event is
 * recorded (approved, or rotated when others were active). A CSM's approval and a
 * verified rotation both come through here.
 */
export async function switchActiveCredentials(
  tx: Transaction,
  input: { attempt: AttemptRow; brokerageId: string; runId: string; approvedBy: string; now: Date; rotation?: HandoffEventData["rotation"] },
) {
  const { attempt, brokerageId, now } = input;
  const [previous] = await tx
    .update(credentialApprovals)
    .set({ endedAt: now, endedBy: input.approvedBy, endReason: "rotated" })
    .where(and(eq(credentialApprovals.brokerageId, brokerageId), isNull(credentialApprovals.endedAt)))
    .returning({ attemptId: credentialApprovals.attemptId });
  if (previous) {
    await tx
      .update(submissionAttempts)
      .set({ status: "superseded", ...destroySecretSet(now) })
      .where(eq(submissionAttempts.id, previous.attemptId));
  }
  const [approval] = await tx
    .insert(credentialApprovals)
    .values({ brokerageId, attemptId: attempt.id, runId: input.runId, approvedBy: input.approvedBy, approvedAt: now })
    .returning({ id: credentialApprovals.id });
  await tx.update(submissionAttempts).set({ status: "approved" }).where(eq(submissionAttempts.id, attempt.id));
  await tx.update(brokerages).set({ stage: "approved", stageChangedAt: now }).where(eq(brokerages.id, brokerageId));

  const event = previous ? ("credentials.rotated" as const) : ("credentials.approved" as const);
  const deliveryId = await recordHandoffEvent(tx, {
    type: event,
    at: now,
    data: {
      brokerageId,
      attemptId: attempt.id,
      tenantId: attempt.tenantId,
      clientId: attempt.clientId,
      secretExpiresOn: attempt.secretExpiresOn,
      accessScope: attempt.accessScope,
      credentialMethod: attempt.credentialMethod,
      ...(attempt.credentialMethod === "certificate" && attempt.certificateThumbprint ? { certificateThumbprint: attempt.certificateThumbprint } : {}),
      ...handoffProviderFacts(attempt),
      previousAttemptId: previous?.attemptId ?? null,
      ...(input.rotation ? { rotation: input.rotation } : {}),
    },
  });
  return { previous: previous ?? null, approvalId: approval!.id, event, deliveryId };
}
