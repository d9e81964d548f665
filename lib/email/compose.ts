import type { Executor } from "../db/client";
import { outgoingMessages } from "../db/schema";

export type OutgoingMessage = {
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
 * sent for a change that rolled back.
 */
export async function composeMessage(tx: Executor, message: OutgoingMessage) {
  const [row] = await tx
    .insert(outgoingMessages)
    .values({
      kind: message.kind,
      toAddress: message.to,
      subject: message.subject,
      textBody: message.text,
      htmlBody: message.html ?? null,
      brokerageId: message.brokerageId ?? null,
      status: "queued",
    })
    .returning({ id: outgoingMessages.id });
  return row!;
}
