import { randomUUID } from "node:crypto";
import type { Executor } from "../db/client";
import { outgoingMessages } from "../db/schema";
import { maskInviteLinks, sealInviteToken } from "./invite-link";

export type OutgoingMessage = {
  /** The invite whose link the bodies carry, if any: the link is stored masked (lib/email/invite-link.ts). */
  inviteId?: string | null;
  /** Template name, e.g. `invite`, `invite-reminder`, `attempt-verified`. */
  kind: string;
  /** Null when nobody is assigned yet: the message stays in the staff outbox. */
  to: string | null;
  subject: string;
  text: string;
  html?: string;
  brokerageId?: string | null;
};

/**
 * Records a message in the outbox inside the caller's transaction. Delivery (SMTP,
 * when configured) is a queued job that reads it from there, so a message is never
 * sent for a change that rolled back. An invite link is stored masked, and sealed
 * beside it only when `sealLink` (a mail server will send it).
 */
export async function composeMessage(tx: Executor, message: OutgoingMessage, options = { sealLink: true }) {
  const id = randomUUID();
  const masked = maskInviteLinks({ text: message.text, html: message.html ?? null });
  const sealed = masked.token && options.sealLink ? sealInviteToken(masked.token, id) : null;
  const [row] = await tx
    .insert(outgoingMessages)
    .values({
      id,
      kind: message.kind,
      toAddress: message.to,
      subject: message.subject,
      textBody: masked.text,
      htmlBody: masked.html,
      brokerageId: message.brokerageId ?? null,
      inviteId: message.inviteId ?? null,
      linkCiphertext: sealed?.ciphertext ?? null,
      linkKeyId: sealed?.keyId ?? null,
      status: "queued",
    })
    .returning({ id: outgoingMessages.id });
  return row!;
}
