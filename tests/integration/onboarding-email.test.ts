import { eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { inAuditedTransaction } from "@/lib/audit/change";
import { branding } from "@/lib/branding";
import { db } from "@/lib/db/client";
import { brokerages, outgoingMessages } from "@/lib/db/schema";
import { composeMessage } from "@/lib/email/compose";
import { deliverMessage, EMAIL_MAX_ATTEMPTS, sweepQueuedMessages } from "@/lib/email/deliver";
import { emailQueues } from "@/lib/email/jobs";
import { dispatchEmails } from "@/lib/email/queue-email";
import { inviteEmail } from "@/lib/email/templates";
import { resetEnvCache } from "@/lib/env";
import { startWorker, stopSender } from "@/lib/jobs/queue";
import { issueInvite } from "@/lib/onboarding/invites";
import { startMailServer } from "../support/mail-server";

let mail: Awaited<ReturnType<typeof startMailServer>>;

beforeAll(async () => {
  mail = await startMailServer();
});
afterAll(async () => {
  await mail.close();
  await stopSender();
});
afterEach(() => {
  delete process.env.SMTP_URL;
  delete process.env.EMAIL_FROM;
  resetEnvCache();
});

function useSmtp(url: string) {
  process.env.SMTP_URL = url;
  resetEnvCache();
}

let n = 0;
async function inviteWithEmail(name = `Mail Realty ${++n}`) {
  const [brokerage] = await db().insert(brokerages).values({ name, emailDomain: "mail.example" }).returning();
  return inAuditedTransaction({ type: "system", id: "tests" }, null, (change) =>
    issueInvite(change, { brokerageId: brokerage!.id, recipientEmail: `it${n}@mail.example`, recipientName: "Sam Lee", days: 7, sendEmail: true }),
  );
}

describe("invite email over SMTP", () => {
  it("delivers the invite with the link in both text and HTML, then removes the link from the stored copy", async () => {
    useSmtp(mail.url);
    const invite = await inviteWithEmail();
    const [queued] = await db().select().from(outgoingMessages).where(eq(outgoingMessages.id, invite.messageId!));
    expect(queued?.status).toBe("queued");

    await expect(deliverMessage(invite.messageId!)).resolves.toBe("sent");

    const received = await mail.waitFor(invite.recipientEmail);
    expect(received.subject).toBe(`Connect Mail Realty ${n}'s Microsoft 365 to ${branding().productName}`);
    expect(received.from).toBe(branding().supportEmail);
    expect(received.text).toContain(invite.url);
    expect(received.text).toContain("Hello Sam Lee,");
    expect(received.html).toContain(`href="${invite.url}"`);

    const [sent] = await db().select().from(outgoingMessages).where(eq(outgoingMessages.id, invite.messageId!));
    expect(sent).toMatchObject({ status: "sent", attempts: 1, lastError: null });
    expect(sent?.sentAt).toBeInstanceOf(Date);
    expect(sent?.textBody).not.toContain(invite.url);
    expect(sent?.htmlBody).not.toContain(invite.url);
    expect(sent?.textBody).toContain("/invite/[link hidden]");
    expect(sent?.linkCiphertext).toBeNull();
  });

  it("sends it once however many times the job runs", async () => {
    useSmtp(mail.url);
    const invite = await inviteWithEmail();
    const results = await Promise.all([deliverMessage(invite.messageId!), deliverMessage(invite.messageId!), deliverMessage(invite.messageId!)]);
    expect(results.filter((r) => r === "sent")).toHaveLength(1);
    await mail.waitFor(invite.recipientEmail);
    await new Promise((r) => setTimeout(r, 300));
    expect(mail.received.filter((m) => m.to.includes(invite.recipientEmail))).toHaveLength(1);
  });

  it("retries while the mail server is down, says why without the SMTP password, and gives up after the last attempt", async () => {
    useSmtp("smtp://mailer:hunter2-secret@127.0.0.1:1");
    const invite = await inviteWithEmail();
    for (let attempt = 1; attempt < EMAIL_MAX_ATTEMPTS; attempt++) {
      await expect(deliverMessage(invite.messageId!)).rejects.toThrow(/not delivered yet/);
    }
    const [waiting] = await db().select().from(outgoingMessages).where(eq(outgoingMessages.id, invite.messageId!));
    expect(waiting).toMatchObject({ status: "queued", attempts: EMAIL_MAX_ATTEMPTS - 1 });
    expect(waiting?.lastError).toMatch(/ECONNREFUSED|ECONNECTION|ESOCKET/);
    expect(waiting?.lastError).not.toContain("hunter2-secret");

    await expect(deliverMessage(invite.messageId!)).resolves.toEqual({ failed: expect.any(String) });
    const [failed] = await db().select().from(outgoingMessages).where(eq(outgoingMessages.id, invite.messageId!));
    expect(failed).toMatchObject({ status: "failed", attempts: EMAIL_MAX_ATTEMPTS });
    // An undelivered message keeps no usable link: staff make a new one from the outbox.
    expect(failed?.textBody).not.toContain(invite.url);
    expect(failed?.linkCiphertext).toBeNull();
  });

  it("delivers through the queue: the email.send job with the real worker", async () => {
    useSmtp(mail.url);
    const worker = await startWorker(process.env.DATABASE_URL!, emailQueues());
    try {
      const invite = await inviteWithEmail();
      await dispatchEmails([invite.messageId!]);
      const received = await mail.waitFor(invite.recipientEmail);
      expect(received.text).toContain(invite.url);
    } finally {
      await worker.stop({ graceful: false, wait: true });
    }
  });
});

describe("without SMTP_URL", () => {
  it("puts the invite straight into the outbox with its link masked, keeps no copy of the link, and never sends it", async () => {
    const invite = await inviteWithEmail();
    const [message] = await db().select().from(outgoingMessages).where(eq(outgoingMessages.id, invite.messageId!));
    expect(message?.status).toBe("outbox");
    expect(message?.textBody).not.toContain(invite.url);
    expect(message?.textBody).toContain("/invite/[link hidden]");
    expect(message?.linkCiphertext).toBeNull();
    await expect(deliverMessage(invite.messageId!)).resolves.toBe("skipped");
  });

  it("moves messages other features composed into the outbox on the next sweep", async () => {
    const { id } = await composeMessage(db(), { kind: "attempt-verified", to: "csm@staff.example", subject: "Verified", text: "It works." });
    await db()
      .update(outgoingMessages)
      .set({ createdAt: new Date(Date.now() - 60_000) })
      .where(eq(outgoingMessages.id, id));
    await sweepQueuedMessages();
    const [message] = await db().select().from(outgoingMessages).where(eq(outgoingMessages.id, id));
    expect(message?.status).toBe("outbox");
  });
});

describe("the invite template", () => {
  it("escapes what staff typed in the HTML and keeps the text readable", () => {
    const email = inviteEmail(branding(), {
      brokerageName: `<script>alert("x")</script> & Sons`,
      recipientName: null,
      url: "https://portal.example/invite/abc",
      expiresAt: new Date("2030-03-14T12:00:00Z"),
      guideUrl: "https://portal.example/guide",
    });
    expect(email.html).not.toContain("<script>");
    expect(email.html).toContain("&lt;script&gt;");
    expect(email.text).toContain(`<script>alert("x")</script> & Sons`);
    expect(email.text).toContain("Hello there,");
    expect(email.text).toContain("March 14, 2030");
    expect(email.text).not.toMatch(/please/i);
  });
});
