import "server-only";
import { and, eq, inArray, isNull, lt, or } from "drizzle-orm";
import { inAuditedTransaction } from "../audit/change";
import { db } from "../db/client";
import { brokerages, credentialApprovals, credentialRotations, submissionAttempts } from "../db/schema";
import { dispatchEmails, queueEmail } from "../email/queue-email";
import { findStaffContact } from "../email/staff-contact";
import { rotationStalledEmail } from "./messages";

/** A rotation still not finished this long after it was opened is a stall; the CSM is told, then weekly. */
export const ROTATION_STALL_DAYS = 14;
export const STALL_REMINDER_EVERY_DAYS = 7;

const DAY = 86_400_000;

/** The daily sweep (run with the expiry reminders): tells CSMs of rotations that stall. */
export async function remindStalledRotations(now = new Date()): Promise<string[]> {
  const stalled = await db()
    .select({
      rotation: credentialRotations,
      brokerage: { id: brokerages.id, name: brokerages.name, csmId: brokerages.csmId },
      active: { id: submissionAttempts.id, expiresOn: submissionAttempts.secretExpiresOn, administratorEmail: submissionAttempts.submitterEmail },
    })
    .from(credentialRotations)
    .innerJoin(brokerages, eq(brokerages.id, credentialRotations.brokerageId))
    .innerJoin(credentialApprovals, eq(credentialApprovals.id, credentialRotations.approvalId))
    .innerJoin(submissionAttempts, eq(submissionAttempts.id, credentialApprovals.attemptId))
    .where(
      and(
        inArray(credentialRotations.status, ["open", "verifying", "failed"]),
        isNull(credentialApprovals.endedAt),
        lt(credentialRotations.openedAt, new Date(now.getTime() - ROTATION_STALL_DAYS * DAY)),
        or(isNull(credentialRotations.csmRemindedAt), lt(credentialRotations.csmRemindedAt, new Date(now.getTime() - STALL_REMINDER_EVERY_DAYS * DAY))),
      ),
    );
  const sent: string[] = [];
  for (const { rotation, brokerage, active } of stalled) {
    const messageId = await inAuditedTransaction({ type: "system", id: "rotation" }, null, async ({ tx, audit }) => {
      await tx.update(credentialRotations).set({ csmRemindedAt: now }).where(eq(credentialRotations.id, rotation.id));
      const contact = await findStaffContact(tx, brokerage.csmId);
      const { id } = await queueEmail(tx, {
        kind: "rotation-stalled",
        to: contact?.email ?? null,
        brokerageId: brokerage.id,
        ...rotationStalledEmail({ brokerage: brokerage.name, attemptId: rotation.attemptId ?? active.id, method: rotation.method, openedAt: rotation.openedAt, expiresOn: active.expiresOn, status: rotation.status, administratorEmail: active.administratorEmail }),
      });
      await audit({ action: "rotation.stalled", subject: { type: "brokerage", id: brokerage.id }, brokerageId: brokerage.id, detail: { rotationId: rotation.id, status: rotation.status } });
      return id;
    });
    await dispatchEmails([messageId]);
    sent.push(messageId);
  }
  return sent;
}
