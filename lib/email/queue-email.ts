import "server-only";
import { eq } from "drizzle-orm";
import type { Executor } from "../db/client";
import { outgoingMessages } from "../db/schema";
import { env } from "../env";
import { enqueue } from "../jobs/queue";
import { logger } from "../logger";
import { composeMessage, type OutgoingMessage } from "./compose";

export const EMAIL_SEND_QUEUE = "email.send";

/**
 * Records a message in the caller's transaction. With SMTP_URL it waits (status
 * "queued") for `dispatchEmails` after commit; without, it goes straight to the staff
 * outbox (status "outbox"), which is where it is read.
 */
export async function queueEmail(tx: Executor, message: OutgoingMessage): Promise<{ id: string }> {
  const sendable = Boolean(env().SMTP_URL && message.to);
  const { id } = await composeMessage(tx, message, { sealLink: sendable });
  if (!sendable) await tx.update(outgoingMessages).set({ status: "outbox" }).where(eq(outgoingMessages.id, id));
  return { id };
}

/** After commit: one delivery job per message. A message whose job could not be queued is picked up by the sweep. */
export async function dispatchEmails(ids: string[]) {
  if (!env().SMTP_URL) return;
  for (const id of ids) {
    await enqueue(EMAIL_SEND_QUEUE, { messageId: id }, { singletonKey: id }).catch((error: unknown) =>
      logger().warn({ err: error, messageId: id }, "could not queue an email; the sweep will send it"),
    );
  }
}
