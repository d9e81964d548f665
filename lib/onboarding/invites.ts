import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import type { Change } from "../audit/change";
import type { AuditAction } from "../audit/actions";
import { UserError } from "../errors";
import { branding } from "../branding";
import type { Executor } from "../db/client";
import { brokerages, invites } from "../db/schema";
import { queueEmail } from "../email/queue-email";
import { inviteEmail } from "../email/templates";
import { env } from "../env";
import { createInvite } from "../invites/create-invite";

/** An invite as just issued: the only moment its link exists in clear. */
export type IssuedInvite = { inviteId: string; brokerageId: string; url: string; expiresAt: Date; recipientEmail: string; messageId: string | null };

export const guideUrl = () => `${env().APP_URL}/guide`;

async function lockBrokerage(tx: Executor, brokerageId: string) {
  const [brokerage] = await tx.select().from(brokerages).where(eq(brokerages.id, brokerageId)).for("update");
  if (!brokerage) throw new UserError("This brokerage no longer exists");
  return brokerage;
}

/**
 * Issues a link for a recipient and, if asked, emails it (through the outbox, in this
 * transaction). A brokerage whose earlier invitation lapsed starts again at "invited".
 */
export async function issueInvite(
  change: Change,
  input: { brokerageId: string; recipientEmail: string; recipientName: string | null; days: number; sendEmail: boolean },
  audit: { action: AuditAction; detail?: Record<string, unknown> } = { action: "invite.created" },
): Promise<IssuedInvite> {
  const { tx } = change;
  const brokerage = await lockBrokerage(tx, input.brokerageId);
  const created = await createInvite(tx, {
    brokerageId: brokerage.id,
    recipientEmail: input.recipientEmail,
    recipientName: input.recipientName || null,
    days: input.days,
    createdBy: change.actor.id ?? null,
  });
  if (brokerage.stage === "expired" || brokerage.stage === "revoked") {
    await tx.update(brokerages).set({ stage: "invited", stageChangedAt: new Date() }).where(eq(brokerages.id, brokerage.id));
  }
  let messageId: string | null = null;
  if (input.sendEmail) {
    const email = inviteEmail(branding(), {
      brokerageName: brokerage.name,
      recipientName: input.recipientName || null,
      url: created.url,
      expiresAt: created.invite.expiresAt,
      guideUrl: guideUrl(),
    });
    messageId = (await queueEmail(tx, { kind: "invite", to: input.recipientEmail, brokerageId: brokerage.id, ...email })).id;
    await tx.update(invites).set({ lastSentAt: new Date() }).where(eq(invites.id, created.invite.id));
  }
  await change.audit({
    action: audit.action,
    subject: { type: "invite", id: created.invite.id },
    brokerageId: brokerage.id,
    detail: { recipientEmail: input.recipientEmail, expiresAt: created.invite.expiresAt.toISOString(), emailed: input.sendEmail, ...audit.detail },
  });
  return {
    inviteId: created.invite.id,
    brokerageId: brokerage.id,
    url: created.url,
    expiresAt: created.invite.expiresAt,
    recipientEmail: input.recipientEmail,
    messageId,
  };
}

async function lockInvite(tx: Executor, inviteId: string) {
  const [invite] = await tx.select().from(invites).where(eq(invites.id, inviteId)).for("update");
  if (!invite) throw new UserError("This invite no longer exists");
  return invite;
}

/** Ends a link at once; a brokerage session opened with it ends too (lib/auth/brokerage-session.ts). */
export async function revokeInvite(change: Change, inviteId: string) {
  const invite = await lockInvite(change.tx, inviteId);
  if (invite.revokedAt) throw new UserError("This link was already revoked");
  await change.tx.update(invites).set({ revokedAt: new Date() }).where(and(eq(invites.id, inviteId), isNull(invites.revokedAt)));
  await change.audit({ action: "invite.revoked", subject: { type: "invite", id: inviteId }, brokerageId: invite.brokerageId });
  return { inviteId, brokerageId: invite.brokerageId };
}

/** A new link for the same recipient, emailed; the old link stops working. */
export async function resendInvite(change: Change, inviteId: string, days: number): Promise<IssuedInvite> {
  const previous = await lockInvite(change.tx, inviteId);
  if (!previous.revokedAt) {
    await change.tx.update(invites).set({ revokedAt: new Date() }).where(eq(invites.id, inviteId));
  }
  return issueInvite(
    change,
    { brokerageId: previous.brokerageId, recipientEmail: previous.recipientEmail, recipientName: previous.recipientName, days, sendEmail: true },
    { action: "invite.resent", detail: { previousInviteId: previous.id } },
  );
}
