import "server-only";
import { and, eq, isNull, sql } from "drizzle-orm";
import { inAuditedTransaction, type Change } from "../audit/change";
import { UserError } from "../errors";
import type { Transaction } from "../db/client";
import { brokerages, expiryReminders, invites } from "../db/schema";
import { dispatchEmails, queueEmail } from "../email/queue-email";
import { createInvite } from "../invites/create-invite";
import { alertAddress } from "../email/staff-contact";
import { reminderDue, REMINDER_DAYS } from "./days";
import { EXPIRY_WINDOWS, listExpiringCredentials, type ExpiringCredential } from "./expiring";
import { administratorExpiryEmail, csmExpiryEmail } from "./messages";

export const EXPIRY_REMINDERS_JOB = "expiry.reminders";

export type ReminderSent = { brokerageId: string; daysBefore: number; recipient: "administrator" | "csm"; to: string | null; messageId: string };

/**
 * The expiry job (hourly; each reminder goes out once): for each active credential, the reminder now due (60, 30 or 7
 * days before, or the notice once expired) goes to its administrator, with a fresh link
 * to submit a new secret, and to its CSM: each exactly once, however often the job runs.
 * Past expiry, the brokerage moves to the "expired" stage.
 */
export async function sendExpiryReminders(now = new Date()): Promise<ReminderSent[]> {
  const sent: ReminderSent[] = [];
  for (const credential of await listExpiringCredentials(Math.max(...REMINDER_DAYS), now, { limit: 100_000 })) {
    const due = reminderDue(credential.daysLeft);
    if (due === null) continue;
    const reminded = await inAuditedTransaction({ type: "system" }, null, (change) => remind(change, credential, due, now));
    await dispatchEmails(reminded.map((r) => r.messageId));
    sent.push(...reminded);
  }
  return sent;
}

async function claim(tx: Transaction, approvalId: string, daysBefore: number, recipient: "administrator" | "csm", now: Date) {
  const [row] = await tx
    .insert(expiryReminders)
    .values({ approvalId, daysBefore, recipient, sentAt: now })
    .onConflictDoNothing()
    .returning({ id: expiryReminders.id });
  return row?.id ?? null;
}

async function remind(change: Change, c: ExpiringCredential, daysBefore: number, now: Date): Promise<ReminderSent[]> {
  const { tx } = change;
  const sent: ReminderSent[] = [];
  const expired = daysBefore === 0 && (await markExpired(change, c, now));
  const facts = { brokerage: c.brokerageName, expiresOn: c.secretExpiresOn, daysLeft: c.daysLeft };

  const adminClaim = await claim(tx, c.approvalId, daysBefore, "administrator", now);
  if (adminClaim) {
    const message = await emailAdministrator(tx, c, daysBefore === 0, now);
    await tx.update(expiryReminders).set({ toAddress: c.administratorEmail, messageId: message.id }).where(eq(expiryReminders.id, adminClaim));
    sent.push({ brokerageId: c.brokerageId, daysBefore, recipient: "administrator", to: c.administratorEmail, messageId: message.id });
  }

  const csmClaim = await claim(tx, c.approvalId, daysBefore, "csm", now);
  if (csmClaim) {
    const to = await alertAddress(tx, c.csmId);
    const message = await queueEmail(tx, {
      kind: daysBefore === 0 ? "secret-expired-csm" : "secret-expiry-reminder-csm",
      to,
      brokerageId: c.brokerageId,
      ...csmExpiryEmail({ ...facts, attemptId: c.attemptId, administratorEmail: c.administratorEmail }),
    });
    await tx.update(expiryReminders).set({ toAddress: to, messageId: message.id }).where(eq(expiryReminders.id, csmClaim));
    sent.push({ brokerageId: c.brokerageId, daysBefore, recipient: "csm", to, messageId: message.id });
  }

  // Every reminder already went out (another run claimed them): nothing to record.
  if (!sent.length && !expired) return change.unchanged(sent);
  if (sent.length) {
    await change.audit({
      action: daysBefore === 0 ? "credentials.expiry-notice-sent" : "credentials.expiry-reminder-sent",
      subject: { type: "attempt", id: c.attemptId },
      brokerageId: c.brokerageId,
      detail: { daysBefore, daysLeft: c.daysLeft, secretExpiresOn: c.secretExpiresOn, recipients: sent.map((s) => s.recipient) },
    });
  }
  return sent;
}

/** The administrator's reminder with a fresh link to submit a new secret; one live link per recipient. */
async function emailAdministrator(tx: Transaction, c: ExpiringCredential, expired: boolean, now: Date) {
  await tx
    .update(invites)
    .set({ revokedAt: now })
    .where(and(eq(invites.brokerageId, c.brokerageId), sql`lower(${invites.recipientEmail}) = lower(${c.administratorEmail})`, isNull(invites.revokedAt)));
  const invite = await createInvite(tx, { brokerageId: c.brokerageId, recipientEmail: c.administratorEmail, recipientName: c.administratorName });
  return queueEmail(tx, {
    kind: expired ? "secret-expired" : "secret-expiry-reminder",
    to: c.administratorEmail,
    brokerageId: c.brokerageId,
    ...administratorExpiryEmail({ brokerage: c.brokerageName, expiresOn: c.secretExpiresOn, daysLeft: c.daysLeft, name: c.administratorName, link: invite.url, linkExpiresAt: invite.invite.expiresAt }),
  });
}

/**
 * "Remind now" on the expiry page: the administrator's reminder at once, outside the
 * schedule (which still sends its own at 60, 30 and 7 days), audited as sent by the CSM.
 */
export async function remindNow(attemptId: string, actor: { staffId: string; origin?: { ip?: string | null; userAgent?: string | null } | null }, now = new Date()) {
  const [credential] = await listExpiringCredentials(Math.max(...EXPIRY_WINDOWS), now, { attemptId, limit: 1 });
  if (!credential) throw new UserError("These credentials are no longer active, or their secret does not expire within 90 days.");
  const messageId = await inAuditedTransaction({ type: "staff", id: actor.staffId }, actor.origin ?? null, async ({ tx, audit }) => {
    const message = await emailAdministrator(tx, credential, credential.daysLeft < 0, now);
    await audit({
      action: "credentials.expiry-reminder-sent",
      subject: { type: "attempt", id: credential.attemptId },
      brokerageId: credential.brokerageId,
      detail: { manual: true, daysLeft: credential.daysLeft, secretExpiresOn: credential.secretExpiresOn, recipients: ["administrator"] },
    });
    return message.id;
  });
  await dispatchEmails([messageId]);
  return { brokerageId: credential.brokerageId, to: credential.administratorEmail, messageId };
}

async function markExpired({ tx, audit }: Change, c: ExpiringCredential, now: Date): Promise<boolean> {
  const [moved] = await tx
    .update(brokerages)
    .set({ stage: "expired", stageChangedAt: now })
    .where(and(eq(brokerages.id, c.brokerageId), eq(brokerages.stage, "approved")))
    .returning({ id: brokerages.id });
  if (!moved) return false;
  await audit({
    action: "brokerage.expired",
    subject: { type: "attempt", id: c.attemptId },
    brokerageId: c.brokerageId,
    detail: { secretExpiresOn: c.secretExpiresOn },
  });
  return true;
}
