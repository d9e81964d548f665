import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import { inAuditedTransaction } from "../audit/change";
import { db } from "../db/client";
import { checkResults, credentialApprovals, credentialRotations, submissionAttempts } from "../db/schema";
import { dispatchEmails, queueEmail } from "../email/queue-email";
import { findStaffContact } from "../email/staff-contact";
import type { QueueDefinition } from "../jobs/queue";
import { enqueue } from "../jobs/queue";
import { recordedChecksOf } from "../runs/check-rows";
import { runRecordedVerification, type RunOptions } from "../runs/recorded-run";
import { remediationOf } from "../runs/remediation";
import { retryDelaySeconds } from "../runs/retry-schedule";
import { lockAttempt } from "../review/attempt-lock";
import { dispatchAfterCommit, switchActiveCredentials } from "../review/approve";
import { rotationCompletedEmail, rotationFailedEmail } from "./messages";
import { OLD_CREDENTIAL_GRACE_DAYS } from "./state";

/**
 * The `rotation.run` job: the next credential's recorded run (lib/runs, purpose
 * "rotation"), while the active one keeps working. Verified: the new credential becomes
 * the active one and the sync service is told (`credentials.rotated`); the administrator
 * learns when the old one may be deleted. Failed: the old one stays in service and the
 * CSM is told. Inconclusive runs are tried again on the usual schedule.
 */

export const ROTATION_RUN = "rotation.run";

export type RotationRunData = { rotationId: string; attemptId: string; retry: number };

export async function queueRotationRun(data: RotationRunData, delaySeconds?: number) {
  return enqueue(ROTATION_RUN, data, { singletonKey: data.attemptId, startAfterSeconds: delaySeconds });
}

export function rotationRunQueue(): QueueDefinition {
  return { name: ROTATION_RUN, handler: (async (data: RotationRunData) => void (await handleRotationRun(data))) as QueueDefinition["handler"], policy: "stately", retryLimit: 2, retryDelaySeconds: 10, concurrency: 2 };
}

export type RotationResult = "completed" | "failed" | "inconclusive" | "ignored";

export async function handleRotationRun(data: RotationRunData, options: RunOptions = {}): Promise<RotationResult> {
  const attempt = await db().query.submissionAttempts.findFirst({
    where: eq(submissionAttempts.id, data.attemptId),
    columns: { status: true, secretCiphertext: true },
  });
  if (!attempt?.secretCiphertext || (attempt.status !== "verifying" && attempt.status !== "inconclusive")) return "ignored";

  const { runId, outcome } = await runRecordedVerification(
    "rotation",
    { attemptId: data.attemptId, trigger: data.retry ? "scheduled" : "submit", triggeredBy: null, sendTestMessage: false },
    options,
  );
  if (outcome === "inconclusive") {
    const delay = retryDelaySeconds(data.retry);
    if (delay !== null) await queueRotationRun({ ...data, retry: data.retry + 1 }, delay);
    return "inconclusive";
  }
  return settleRotation(data, runId, outcome, (options.now ?? (() => new Date()))());
}

async function settleRotation(data: RotationRunData, runId: string, outcome: "verified" | "failed", now: Date): Promise<RotationResult> {
  const messageIds: string[] = [];
  const result = await inAuditedTransaction<{ result: RotationResult; deliveryId?: string }>({ type: "system", id: "rotation" }, null, async (change) => {
    const { tx, audit } = change;
    const locked = await lockAttempt(tx, data.attemptId);
    const [rotation] = await tx.select().from(credentialRotations).where(eq(credentialRotations.id, data.rotationId)).for("update");
    if (!locked || !rotation || rotation.attemptId !== data.attemptId || rotation.status !== "verifying") return change.unchanged({ result: "ignored" });
    const { attempt, brokerage } = locked;
    const [active] = await tx
      .select({ approvalId: credentialApprovals.id, attempt: submissionAttempts })
      .from(credentialApprovals)
      .innerJoin(submissionAttempts, eq(submissionAttempts.id, credentialApprovals.attemptId))
      .where(and(eq(credentialApprovals.brokerageId, brokerage.id), isNull(credentialApprovals.endedAt)));
    const contact = await findStaffContact(tx, brokerage.csmId);

    if (outcome === "failed" || attempt.status !== "verified" || active?.approvalId !== rotation.approvalId) {
      await tx.update(credentialRotations).set({ status: "failed" }).where(eq(credentialRotations.id, rotation.id));
      const problems = recordedChecksOf(await tx.select().from(checkResults).where(eq(checkResults.runId, runId))).filter((c) => c.status === "fail");
      messageIds.push(
        (await queueEmail(tx, {
          kind: "rotation-failed",
          to: contact?.email ?? null,
          brokerageId: brokerage.id,
          ...rotationFailedEmail({ brokerage: brokerage.name, attemptId: attempt.id, method: rotation.method, problems: problems.map(remediationOf), expiresOn: active?.attempt.secretExpiresOn ?? null }),
        })).id,
      );
      await audit({
        action: "rotation.failed",
        subject: { type: "attempt", id: attempt.id },
        brokerageId: brokerage.id,
        detail: { rotationId: rotation.id, runId, reasons: problems.map((p) => p.reason ?? null) },
      });
      return { result: "failed" };
    }

    const oldDeletableAfter = new Date(now.getTime() + OLD_CREDENTIAL_GRACE_DAYS * 86_400_000);
    const old = active.attempt;
    const switched = await switchActiveCredentials(tx, {
      attempt,
      brokerageId: brokerage.id,
      runId,
      approvedBy: "rotation",
      now,
      rotation: {
        rotationId: rotation.id,
        oldDeletableAfter: oldDeletableAfter.toISOString(),
        ...(old.certificateThumbprint ? { previousCertificateThumbprint: old.certificateThumbprint } : {}),
      },
    });
    await tx.update(credentialRotations).set({ status: "completed", completedAt: now, oldDeletableAfter }).where(eq(credentialRotations.id, rotation.id));
    messageIds.push(
      (await queueEmail(tx, {
        kind: "rotation-completed",
        to: attempt.submitterEmail,
        brokerageId: brokerage.id,
        ...rotationCompletedEmail({
          brokerage: brokerage.name,
          name: attempt.submitterName,
          method: rotation.method,
          oldDeletableAfter,
          oldCredential: old.certificateThumbprint ? `the certificate with thumbprint ${old.certificateThumbprint}` : `the secret whose value starts with ${old.secretHint}`,
        }),
      })).id,
    );
    await audit({
      action: "rotation.completed",
      subject: { type: "attempt", id: attempt.id },
      brokerageId: brokerage.id,
      detail: { rotationId: rotation.id, runId, replacedAttemptId: old.id, webhook: switched.deliveryId, oldDeletableAfter: oldDeletableAfter.toISOString() },
    });
    return { result: "completed", deliveryId: switched.deliveryId };
  });
  await dispatchEmails(messageIds);
  if (result.deliveryId) await dispatchAfterCommit(result.deliveryId);
  return result.result;
}
