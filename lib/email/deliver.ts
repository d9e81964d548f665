import "server-only";
import { and, asc, eq, lt } from "drizzle-orm";
import nodemailer, { type Transporter } from "nodemailer";
import { branding } from "../branding";
import { SecretUnavailableError } from "../crypto/secret-box";
import { db, type Executor } from "../db/client";
import { invites, outgoingMessages } from "../db/schema";
import { env } from "../env";
import { enqueue } from "../jobs/queue";
import { unmaskInviteLink } from "./invite-link";
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

/** The server's words, without the SMTP URL (which may hold a password). */
function describeFailure(error: unknown, smtpUrl: string): string {
  const e = error as { code?: string; responseCode?: number; response?: string; message?: string };
  const words = [e.code, e.responseCode, e.response ?? e.message].filter(Boolean).join(" ");
  return words.split(smtpUrl).join("[SMTP_URL]").replace(/\/\/[^@\s/]+@/g, "//[credentials]@").slice(0, 500) || "unknown error";
}

/** A message must not carry a link that was revoked (or replaced) while it waited. */
async function linkStillWorks(tx: Executor, inviteId: string | null): Promise<boolean> {
  if (!inviteId) return true;
  const [invite] = await tx.select({ revokedAt: invites.revokedAt, expiresAt: invites.expiresAt }).from(invites).where(eq(invites.id, inviteId));
  return Boolean(invite && !invite.revokedAt && invite.expiresAt > new Date());
}

/** The bodies as sent: the sealed invite link put back, or null when it cannot be. */
function withLink(message: typeof outgoingMessages.$inferSelect): { text: string; html?: string } | null {
  const html = message.htmlBody ?? undefined;
  if (!message.linkCiphertext || !message.linkKeyId) return message.inviteId ? null : { text: message.textBody, html };
  const sealed = { ciphertext: message.linkCiphertext, keyId: message.linkKeyId };
  try {
    return {
      text: unmaskInviteLink(message.textBody, sealed, message.id),
      html: html === undefined ? undefined : unmaskInviteLink(html, sealed, message.id),
    };
  } catch (error) {
    if (error instanceof SecretUnavailableError) return null;
    throw error;
  }
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
    // A message left to staff, failed or sent keeps no way back to its link.
    const forgetLink = { linkCiphertext: null, linkKeyId: null };
    if (!smtpUrl || !message.toAddress) {
      await tx.update(outgoingMessages).set({ status: "outbox", ...forgetLink }).where(eq(outgoingMessages.id, messageId));
      return "outbox";
    }
    const attempts = message.attempts + 1;
    const bodies = (await linkStillWorks(tx, message.inviteId)) ? withLink(message) : null;
    if (!bodies) {
      // Its link can no longer be opened (revoked, or its key left the key ring): never send a dead link.
      const lastError = "Its invite link no longer works; make a new link from the outbox.";
      await tx.update(outgoingMessages).set({ attempts, lastError, status: "failed", ...forgetLink }).where(eq(outgoingMessages.id, messageId));
      return { failed: lastError };
    }
    try {
      await transporter(smtpUrl).sendMail({ from: fromAddress(), to: message.toAddress, subject: message.subject, ...bodies });
    } catch (error) {
      const lastError = describeFailure(error, smtpUrl);
      const final = attempts >= EMAIL_MAX_ATTEMPTS;
      await tx
        .update(outgoingMessages)
        .set({ attempts, lastError, status: final ? "failed" : "queued", ...(final ? forgetLink : {}) })
        .where(eq(outgoingMessages.id, messageId));
      return final ? { failed: lastError } : { retry: lastError };
    }
    await tx
      .update(outgoingMessages)
      .set({ attempts, status: "sent", sentAt: new Date(), lastError: null, ...forgetLink })
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
