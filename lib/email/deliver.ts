import "server-only";
import { and, asc, eq, lt } from "drizzle-orm";
import nodemailer, { type Transporter } from "nodemailer";
import { branding } from "../branding";
import { db } from "../db/client";
import { outgoingMessages } from "../db/schema";
import { env } from "../env";
import { enqueue } from "../jobs/queue";
import { EMAIL_SEND_QUEUE } from "./queue-email";

/** Attempts per message: the first plus pg-boss's retries (see lib/email/jobs.ts). */
export const EMAIL_MAX_ATTEMPTS = 5;

let transport: { url: string; transporter: Transporter } | undefined;

function transporter(url: string): Transporter {
  if (transport?.url !== url) {
    // Bounded waits: a silent server must not hold the message's row lock for long.
    transport = {
      url,
      transporter: nodemailer.createTransport({ url, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 }),
    };
  }
  return transport.transporter;
}

function fromAddress(): string {
  const e = env();
  if (e.EMAIL_FROM) return e.EMAIL_FROM;
  const { vendorName, supportEmail } = branding();
  return `"${vendorName.replace(/["\\]/g, "")}" <${supportEmail}>`;
}

/** Once a message is delivered its invite link has no business staying in the database. */
export function withoutInviteLinks(body: string): string {
  return body.replace(/\/invite\/[A-Za-z0-9_-]{43}/g, "/invite/[link removed after sending]");
}

/** The server's words, without the SMTP URL (which may hold a password). */
function describeFailure(error: unknown, smtpUrl: string): string {
  const e = error as { code?: string; responseCode?: number; response?: string; message?: string };
  const words = [e.code, e.responseCode, e.response ?? e.message].filter(Boolean).join(" ");
  return words.split(smtpUrl).join("[SMTP_URL]").replace(/\/\/[^@\s/]+@/g, "//[credentials]@").slice(0, 500) || "unknown error";
}

export type DeliveryOutcome = "sent" | "outbox" | "skipped" | { retry: string } | { failed: string };

/**
 * Sends one queued message. The row stays locked while sending, so two workers never
 * send it twice; a crash mid-send rolls back and the job's retry sends it again.
 * Throws to have pg-boss retry with back-off; the last attempt marks it failed.
 */
export async function deliverMessage(messageId: string): Promise<DeliveryOutcome> {
  const smtpUrl = env().SMTP_URL;
  const outcome = await db().transaction(async (tx): Promise<DeliveryOutcome> => {
    const [message] = await tx
      .select()
      .from(outgoingMessages)
      .where(and(eq(outgoingMessages.id, messageId), eq(outgoingMessages.status, "queued")))
      .for("update", { skipLocked: true });
    if (!message) return "skipped";
    if (!smtpUrl || !message.toAddress) {
      await tx.update(outgoingMessages).set({ status: "outbox" }).where(eq(outgoingMessages.id, messageId));
      return "outbox";
    }
    const attempts = message.attempts + 1;
    try {
      await transporter(smtpUrl).sendMail({
        from: fromAddress(),
        to: message.toAddress,
        subject: message.subject,
        text: message.textBody,
        html: message.htmlBody ?? undefined,
      });
    } catch (error) {
      const lastError = describeFailure(error, smtpUrl);
      const final = attempts >= EMAIL_MAX_ATTEMPTS;
      await tx
        .update(outgoingMessages)
        .set({ attempts, lastError, status: final ? "failed" : "queued" })
        .where(eq(outgoingMessages.id, messageId));
      return final ? { failed: lastError } : { retry: lastError };
    }
    await tx
      .update(outgoingMessages)
      .set({
        attempts,
        status: "sent",
        sentAt: new Date(),
        lastError: null,
        textBody: withoutInviteLinks(message.textBody),
        htmlBody: message.htmlBody ? withoutInviteLinks(message.htmlBody) : null,
      })
      .where(eq(outgoingMessages.id, messageId));
    return "sent";
  });
  if (typeof outcome === "object" && "retry" in outcome) throw new Error(`Email not delivered yet: ${outcome.retry}`);
  return outcome;
}

/**
 * Every minute: messages composed anywhere in the portal (not only by this module)
 * and never attempted get a delivery job; without SMTP_URL they move to the outbox.
 */
export async function sweepQueuedMessages(now = new Date()) {
  const smtpUrl = env().SMTP_URL;
  const waiting = await db()
    .select({ id: outgoingMessages.id })
    .from(outgoingMessages)
    .where(and(eq(outgoingMessages.status, "queued"), eq(outgoingMessages.attempts, 0), lt(outgoingMessages.createdAt, new Date(now.getTime() - 30_000))))
    .orderBy(asc(outgoingMessages.createdAt))
    .limit(500);
  if (!smtpUrl) {
    for (const { id } of waiting) await deliverMessage(id);
    return waiting.length;
  }
  for (const { id } of waiting) await enqueue(EMAIL_SEND_QUEUE, { messageId: id }, { singletonKey: id });
  return waiting.length;
}
