import "server-only";
import { eq, sql } from "drizzle-orm";
import { inAuditedTransaction, type Change } from "../audit/change";
import { branding } from "../branding";
import { db } from "../db/client";
import { brokerages, inviteReminders, invites } from "../db/schema";
import { queueEmail } from "../email/queue-email";
import { reminderEmail } from "../email/templates";
import { env } from "../env";
import { createInvite } from "../invites/create-invite";
import { logger } from "../logger";
import { guideUrl } from "./invites";

/**
 * Reminds recipients who have not opened their link, or opened it and not submitted,
 * REMINDER_AFTER_DAYS after it was last sent, at most MAX_REMINDERS times per link.
 * Only a hash of each link is stored, so a reminder carries a new link (same expiry)
 * and the earlier one stops working; a brokerage session opened days ago has long
 * ended, so nobody loses work.
 */
export const MAX_REMINDERS = 2;
const DAY_MS = 86_400_000;

class NotDue extends Error {}

async function dueInviteIds(now: Date): Promise<string[]> {
  const sentBefore = new Date(now.getTime() - env().REMINDER_AFTER_DAYS * DAY_MS);
  const rows = await db().execute<{ id: string }>(sql`
    select i.id from invites i
    join brokerages b on b.id = i.brokerage_id
    left join invite_reminders r on r.invite_id = i.id
    where i.revoked_at is null and i.expires_at > ${now.toISOString()}::timestamptz
      and b.stage in ('invited', 'opened')
      and coalesce(i.last_sent_at, i.created_at) <= ${sentBefore.toISOString()}::timestamptz
      and coalesce(r.sequence, 0) < ${MAX_REMINDERS}
    order by i.created_at
    limit 500`);
  return rows.map((r) => r.id);
}

async function remind(change: Change, inviteId: string, now: Date): Promise<string> {
  const { tx } = change;
  const [previous] = await tx
    .select({ invite: invites, brokerage: brokerages })
    .from(invites)
    .innerJoin(brokerages, eq(brokerages.id, invites.brokerageId))
    .where(eq(invites.id, inviteId))
    .for("update", { of: invites });
  const sentBefore = now.getTime() - env().REMINDER_AFTER_DAYS * DAY_MS;
  const [earlier] = await tx.select({ sequence: inviteReminders.sequence }).from(inviteReminders).where(eq(inviteReminders.inviteId, inviteId));
  const sequence = (earlier?.sequence ?? 0) + 1;
  // Checked again under the lock: staff may have revoked or resent it meanwhile.
  if (
    !previous ||
    previous.invite.revokedAt ||
    previous.invite.expiresAt <= now ||
    !["invited", "opened"].includes(previous.brokerage.stage) ||
    (previous.invite.lastSentAt ?? previous.invite.createdAt).getTime() > sentBefore ||
    sequence > MAX_REMINDERS
  ) {
    throw new NotDue();
  }
  const { invite: old, brokerage } = previous;
  await tx.update(invites).set({ revokedAt: now }).where(eq(invites.id, old.id));
  const created = await createInvite(tx, {
    brokerageId: brokerage.id,
    recipientEmail: old.recipientEmail,
    recipientName: old.recipientName,
    createdBy: null,
  });
  await tx.update(invites).set({ expiresAt: old.expiresAt, lastSentAt: now }).where(eq(invites.id, created.invite.id));
  await tx.insert(inviteReminders).values({ previousInviteId: old.id, inviteId: created.invite.id, sequence });
  const email = reminderEmail(branding(), {
    brokerageName: brokerage.name,
    recipientName: old.recipientName,
    url: created.url,
    expiresAt: old.expiresAt,
    guideUrl: guideUrl(),
    firstSentAt: old.lastSentAt ?? old.createdAt,
    opened: Boolean(old.openedAt) || brokerage.stage === "opened",
  });
  const message = await queueEmail(tx, { kind: "invite-reminder", to: old.recipientEmail, brokerageId: brokerage.id, inviteId: created.invite.id, ...email });
  await change.audit({
    action: "invite.reminded",
    subject: { type: "invite", id: created.invite.id },
    brokerageId: brokerage.id,
    detail: { previousInviteId: old.id, sequence, recipientEmail: old.recipientEmail },
  });
  return message.id;
}

/** The scheduled job's work: every due reminder, each in its own transaction. */
export async function sendDueReminders(now = new Date()): Promise<{ messageIds: string[] }> {
  const messageIds: string[] = [];
  for (const inviteId of await dueInviteIds(now)) {
    try {
      messageIds.push(await inAuditedTransaction({ type: "system", id: "reminders" }, null, (change) => remind(change, inviteId, now)));
    } catch (error) {
      if (error instanceof NotDue) continue;
      logger().error({ err: error, inviteId }, "could not send an invite reminder");
    }
  }
  return { messageIds };
}

