import { and, eq, isNull } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { auditEvents, brokerages, inviteReminders, invites, outgoingMessages } from "@/lib/db/schema";
import { resetEnvCache } from "@/lib/env";
import { createInvite } from "@/lib/invites/create-invite";
import { MAX_REMINDERS, sendDueReminders } from "@/lib/onboarding/reminders";

const DAY = 86_400_000;
let n = 0;

afterEach(() => {
  delete process.env.REMINDER_AFTER_DAYS;
  resetEnvCache();
});

/** A brokerage whose invite was sent `daysAgo` days before `now`, in `stage`. */
async function invitedBrokerage(now: Date, daysAgo: number, stage: "invited" | "opened" | "submitted" = "invited") {
  const [brokerage] = await db().insert(brokerages).values({ name: `Reminder Realty ${++n}`, emailDomain: "remind.example" }).returning();
  const created = await createInvite(db(), { brokerageId: brokerage!.id, recipientEmail: `it${n}@remind.example`, recipientName: "Kim" });
  const sentAt = new Date(now.getTime() - daysAgo * DAY);
  await db()
    .update(invites)
    .set({ createdAt: sentAt, lastSentAt: sentAt, expiresAt: new Date(sentAt.getTime() + 14 * DAY), openedAt: stage === "opened" ? sentAt : null })
    .where(eq(invites.id, created.invite.id));
  await db().update(brokerages).set({ stage }).where(eq(brokerages.id, brokerage!.id));
  const [invite] = await db().select().from(invites).where(eq(invites.id, created.invite.id));
  return { brokerage: brokerage!, invite: invite!, oldUrl: created.url };
}

async function messagesTo(address: string) {
  return db().select().from(outgoingMessages).where(eq(outgoingMessages.toAddress, address));
}

describe("invite reminders (the scheduled job's work, on a controlled clock)", () => {
  it("reminds a recipient who has not opened the link, with a new link that keeps the old expiry", async () => {
    const now = new Date("2031-05-10T09:00:00Z");
    const { brokerage, invite, oldUrl } = await invitedBrokerage(now, 4);

    const { messageIds } = await sendDueReminders(now);

    const [old] = await db().select().from(invites).where(eq(invites.id, invite.id));
    expect(old?.revokedAt).toEqual(now);
    const [fresh] = await db()
      .select()
      .from(invites)
      .where(and(eq(invites.brokerageId, brokerage.id), isNull(invites.revokedAt)));
    expect(fresh?.expiresAt).toEqual(invite.expiresAt);
    expect(fresh?.lastSentAt).toEqual(now);

    const [message] = await messagesTo(invite.recipientEmail);
    expect(messageIds).toContain(message!.id);
    expect(message?.kind).toBe("invite-reminder");
    expect(message?.subject).toBe(`Reminder: connect ${brokerage.name}'s Microsoft 365 to MoxiEngage`);
    expect(message?.textBody).toContain("It has not been opened yet.");
    expect(message?.textBody).toContain("the earlier one no longer works");
    // The new link, stored masked: the message names its invite.
    expect(message?.inviteId).toBe(fresh?.id);
    expect(message?.textBody).toContain("/invite/[link hidden]");
    expect(message?.textBody).not.toContain(oldUrl);

    const [reminder] = await db().select().from(inviteReminders).where(eq(inviteReminders.inviteId, fresh!.id));
    expect(reminder).toMatchObject({ previousInviteId: invite.id, sequence: 1 });
    const [event] = await db().select().from(auditEvents).where(and(eq(auditEvents.action, "invite.reminded"), eq(auditEvents.brokerageId, brokerage.id)));
    expect(event).toMatchObject({ actorType: "system", subjectId: fresh!.id });
  });

  it("tells someone who opened the link but did not submit that they started", async () => {
    const now = new Date("2031-05-10T09:00:00Z");
    const { invite } = await invitedBrokerage(now, 5, "opened");
    await sendDueReminders(now);
    const [message] = await messagesTo(invite.recipientEmail);
    expect(message?.textBody).toContain("You opened it, but the details have not been submitted yet.");
  });

  it(`reminds every REMINDER_AFTER_DAYS days, at most ${MAX_REMINDERS} times`, async () => {
    const start = new Date("2031-06-01T09:00:00Z");
    const { invite } = await invitedBrokerage(start, 3);
    await sendDueReminders(start);
    await sendDueReminders(new Date(start.getTime() + 1 * DAY)); // too soon after the first reminder
    expect(await messagesTo(invite.recipientEmail)).toHaveLength(1);
    await sendDueReminders(new Date(start.getTime() + 3 * DAY));
    expect(await messagesTo(invite.recipientEmail)).toHaveLength(2);
    await sendDueReminders(new Date(start.getTime() + 6 * DAY));
    await sendDueReminders(new Date(start.getTime() + 9 * DAY));
    expect(await messagesTo(invite.recipientEmail)).toHaveLength(MAX_REMINDERS);
  });

  it("leaves alone links not yet due, revoked, expired, and brokerages that have submitted", async () => {
    const now = new Date("2031-07-01T09:00:00Z");
    const notDue = await invitedBrokerage(now, 2);
    const revoked = await invitedBrokerage(now, 5);
    await db().update(invites).set({ revokedAt: now }).where(eq(invites.id, revoked.invite.id));
    const expired = await invitedBrokerage(now, 20);
    const submitted = await invitedBrokerage(now, 5, "submitted");

    await sendDueReminders(now);
    for (const { invite } of [notDue, revoked, expired, submitted]) expect(await messagesTo(invite.recipientEmail)).toHaveLength(0);
  });

  it("follows REMINDER_AFTER_DAYS", async () => {
    process.env.REMINDER_AFTER_DAYS = "6";
    resetEnvCache();
    const now = new Date("2031-08-01T09:00:00Z");
    const five = await invitedBrokerage(now, 5);
    const six = await invitedBrokerage(now, 6);
    await sendDueReminders(now);
    expect(await messagesTo(five.invite.recipientEmail)).toHaveLength(0);
    expect(await messagesTo(six.invite.recipientEmail)).toHaveLength(1);
  });
});
