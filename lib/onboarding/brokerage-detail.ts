import "server-only";
import { and, asc, desc, eq, inArray, isNull, sql } from "drizzle-orm";
import { db } from "../db/client";
import { auditEvents, brokerages, invites, outgoingMessages, users } from "../db/schema";
import type { PipelineStage } from "./stages";

export type InviteStatus = "active" | "opened" | "revoked" | "expired";

export type InviteSummary = {
  id: string;
  recipientEmail: string;
  recipientName: string | null;
  status: InviteStatus;
  createdAt: Date;
  expiresAt: Date;
  openedAt: Date | null;
  revokedAt: Date | null;
  lastSentAt: Date | null;
  /** The newest email that carried its link, or null when none was written. */
  email: { status: "queued" | "sent" | "failed" | "outbox"; sentAt: Date | null } | null;
};

export type HistoryEntry = { at: Date; action: string; actorName: string | null; actorType: string; detail: unknown };

export type BrokerageDetail = {
  id: string;
  name: string;
  emailDomain: string | null;
  csmId: string | null;
  csmName: string | null;
  stage: PipelineStage;
  stageChangedAt: Date;
  createdAt: Date;
  invites: InviteSummary[];
  history: HistoryEntry[];
};

export function inviteStatus(invite: { revokedAt: Date | null; expiresAt: Date; openedAt: Date | null }, now = new Date()): InviteStatus {
  if (invite.revokedAt) return "revoked";
  if (invite.expiresAt <= now) return "expired";
  return invite.openedAt ? "opened" : "active";
}

/** Everything the brokerage page shows; null when there is no such brokerage. */
export async function getBrokerageDetail(id: string): Promise<BrokerageDetail | null> {
  const [row] = await db()
    .select({
      id: brokerages.id,
      name: brokerages.name,
      emailDomain: brokerages.emailDomain,
      csmId: brokerages.csmId,
      csmName: users.name,
      stage: brokerages.stage,
      stageChangedAt: brokerages.stageChangedAt,
      createdAt: brokerages.createdAt,
    })
    .from(brokerages)
    .leftJoin(users, eq(users.id, brokerages.csmId))
    .where(eq(brokerages.id, id));
  if (!row) return null;

  const inviteRows = await db()
    .select({
      id: invites.id,
      recipientEmail: invites.recipientEmail,
      recipientName: invites.recipientName,
      createdAt: invites.createdAt,
      expiresAt: invites.expiresAt,
      openedAt: invites.openedAt,
      revokedAt: invites.revokedAt,
      lastSentAt: invites.lastSentAt,
    })
    .from(invites)
    .where(eq(invites.brokerageId, id))
    .orderBy(desc(invites.createdAt));
  const now = new Date();
  const emails = await latestEmailOf(inviteRows.map((i) => i.id));
  const summaries = inviteRows.map((i) => ({ ...i, status: inviteStatus(i, now), email: emails.get(i.id) ?? null }));

  const history = await db()
    .select({ at: auditEvents.at, action: auditEvents.action, actorName: users.name, actorType: auditEvents.actorType, detail: auditEvents.detail })
    .from(auditEvents)
    .leftJoin(users, and(eq(auditEvents.actorType, "staff"), eq(users.id, auditEvents.actorId)))
    .where(eq(auditEvents.brokerageId, id))
    .orderBy(desc(auditEvents.at), desc(auditEvents.id))
    .limit(30);

  const usable = summaries.some((i) => i.status === "active" || i.status === "opened");
  const stage: PipelineStage = (row.stage === "invited" || row.stage === "opened") && !usable ? "expired" : row.stage;
  return { ...row, stage, invites: summaries, history };
}

/** Active customer-success managers, for the "assigned CSM" choice. */
export async function listAssignableCsms(): Promise<Array<{ id: string; name: string; email: string }>> {
  return db()
    .select({ id: users.id, name: users.name, email: users.email })
    .from(users)
    .where(and(eq(users.role, "csm"), isNull(users.disabledAt)))
    .orderBy(asc(sql`lower(${users.name})`));
}

/** The newest message that carried each invite's link: what really happened to it. */
async function latestEmailOf(inviteIds: string[]) {
  const latest = new Map<string, { status: (typeof outgoingMessages.$inferSelect)["status"]; sentAt: Date | null }>();
  if (inviteIds.length === 0) return latest;
  const rows = await db()
    .select({ inviteId: outgoingMessages.inviteId, status: outgoingMessages.status, sentAt: outgoingMessages.sentAt })
    .from(outgoingMessages)
    .where(inArray(outgoingMessages.inviteId, inviteIds))
    .orderBy(desc(outgoingMessages.createdAt));
  for (const row of rows) if (row.inviteId && !latest.has(row.inviteId)) latest.set(row.inviteId, { status: row.status, sentAt: row.sentAt });
  return latest;
}
