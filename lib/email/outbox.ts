import "server-only";
import { count, desc, eq } from "drizzle-orm";
import { db } from "../db/client";
import { brokerages, outgoingMessages } from "../db/schema";

export const OUTBOX_PAGE_SIZE = 50;

/** Every outgoing message, newest first, with its brokerage's name. Invite links in the bodies are masked (lib/email/invite-link.ts). */
export async function listOutbox(page = 1) {
  const offset = (Math.max(1, page) - 1) * OUTBOX_PAGE_SIZE;
  const [rows, [total]] = await Promise.all([
    db()
      .select({
        id: outgoingMessages.id,
        kind: outgoingMessages.kind,
        toAddress: outgoingMessages.toAddress,
        subject: outgoingMessages.subject,
        textBody: outgoingMessages.textBody,
        status: outgoingMessages.status,
        attempts: outgoingMessages.attempts,
        lastError: outgoingMessages.lastError,
        sentAt: outgoingMessages.sentAt,
        inviteId: outgoingMessages.inviteId,
        createdAt: outgoingMessages.createdAt,
        brokerageName: brokerages.name,
      })
      .from(outgoingMessages)
      .leftJoin(brokerages, eq(brokerages.id, outgoingMessages.brokerageId))
      .orderBy(desc(outgoingMessages.createdAt), desc(outgoingMessages.id))
      .limit(OUTBOX_PAGE_SIZE)
      .offset(offset),
    db().select({ n: count() }).from(outgoingMessages),
  ]);
  const n = total?.n ?? 0;
  return { rows, total: n, pages: Math.max(1, Math.ceil(n / OUTBOX_PAGE_SIZE)) };
}
