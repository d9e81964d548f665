import "server-only";
import { and, eq, isNull, sql } from "drizzle-orm";
import { z } from "zod";
import { inAuditedTransaction } from "../audit/change";
import { branding } from "../branding";
import { db, type Executor } from "../db/client";
import { changeRequests, checkResults, invites } from "../db/schema";
import { dispatchEmails, queueEmail } from "../email/queue-email";
import { env } from "../env";
import { UserError } from "../errors";
import { createInvite } from "../invites/create-invite";
import { hasHiddenCharactersBesideLineBreaks, hiddenCharactersMessage } from "../validation/text";
import { lockAttempt } from "./attempt-lock";
import { latestRunOf } from "./detail";
import { renderHtml, type HtmlBlock } from "../email/html";
import { remediationOf } from "../runs/remediation";
import { auditActorOf, type StaffActor } from "./actor";

export const RequestChangesSchema = z
  .object({
    checkIds: z.array(z.string().max(40)).max(20).default([]),
    message: z
      .string()
      .trim()
      .max(2000, "Message must be 2,000 characters or fewer")
      // Line breaks and tabs are fine in a message; other hidden characters are not.
      .refine((v) => !hasHiddenCharactersBesideLineBreaks(v), hiddenCharactersMessage("Message"))
      .default(""),
  })
  .refine((v) => v.checkIds.length > 0 || v.message.length > 0, {
    message: "Choose at least one problem to fix, or write a message",
    path: ["checkIds"],
  });
export type RequestChanges = z.input<typeof RequestChangesSchema>;

/** The problems a CSM can send: the latest run's checks that did not pass. */
export async function problemsOfLatestRun(attemptId: string, executor: Executor = db()) {
  const run = await latestRunOf(executor, attemptId);
  if (!run) return [];
  return executor
    .select({
      checkId: checkResults.checkId,
      status: checkResults.status,
      reason: checkResults.reason,
      title: checkResults.title,
      detail: checkResults.detail,
      guideAnchor: checkResults.guideAnchor,
    })
    .from(checkResults)
    .where(and(eq(checkResults.runId, run.id), sql`${checkResults.status} in ('fail', 'warn', 'error')`));
}

/**
 * Asks the administrator for changes: an email with the chosen remediation and a fresh
 * invite link (their earlier links to this brokerage stop working), recorded for the
 * detail page and audited.
 */
export async function requestChanges(attemptId: string, input: RequestChanges, actor: StaffActor): Promise<{ changeRequestId: string }> {
  const result = await recordChangeRequest(attemptId, input, actor);
  await dispatchEmails([result.messageId]);
  return { changeRequestId: result.changeRequestId };
}

async function recordChangeRequest(attemptId: string, input: RequestChanges, actor: StaffActor): Promise<{ changeRequestId: string; messageId: string }> {
  const parsed = RequestChangesSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new UserError(issue.message, String(issue.path[0] ?? "checkIds"));
  }
  const { checkIds, message } = parsed.data;

  return inAuditedTransaction(auditActorOf(actor), actor.origin ?? null, async ({ tx, audit }) => {
    const locked = await lockAttempt(tx, attemptId);
    if (!locked) throw new UserError("There is no such submission.");
    const { attempt, brokerage } = locked;
    if (attempt.status === "superseded") {
      throw new UserError("This attempt is no longer current; open the brokerage's latest attempt.");
    }
    const problems = await problemsOfLatestRun(attemptId, tx);
    const chosen = problems.filter((p) => checkIds.includes(p.checkId));
    if (chosen.length !== new Set(checkIds).size) {
      throw new UserError("Choose problems from the latest run of this attempt", "checkIds");
    }

    await tx
      .update(invites)
      .set({ revokedAt: new Date() })
      .where(and(eq(invites.brokerageId, brokerage.id), sql`lower(${invites.recipientEmail}) = lower(${attempt.submitterEmail})`, isNull(invites.revokedAt)));
    const invite = await createInvite(tx, {
      brokerageId: brokerage.id,
      recipientEmail: attempt.submitterEmail,
      recipientName: attempt.submitterName,
      createdBy: actor.staffId,
    });
    const email = changesEmail({ name: attempt.submitterName, brokerage: brokerage.name, problems: chosen.map(remediationOf), message, link: invite.url, expiresAt: invite.invite.expiresAt });
    const outgoing = await queueEmail(tx, { kind: "changes-requested", to: attempt.submitterEmail, brokerageId: brokerage.id, ...email });
    const [row] = await tx
      .insert(changeRequests)
      .values({ attemptId, brokerageId: brokerage.id, requestedBy: actor.staffId, checkIds: chosen.map((p) => p.checkId), message: message || null, inviteId: invite.invite.id, messageId: outgoing.id })
      .returning({ id: changeRequests.id });
    await audit({
      action: "attempt.changes-requested",
      subject: { type: "attempt", id: attemptId },
      brokerageId: brokerage.id,
      detail: { attemptNumber: attempt.number, checkIds: chosen.map((p) => p.checkId), inviteId: invite.invite.id, messageId: outgoing.id },
    });
    return { changeRequestId: row!.id, messageId: outgoing.id };
  });
}

type Problem = { title: string; detail: string; guideAnchor?: string };

function changesEmail(input: { name: string; brokerage: string; problems: Problem[]; message: string; link: string; expiresAt: Date }) {
  const { productName, vendorName, supportEmail } = branding();
  const guide = (anchor: string | undefined) => `${env().APP_URL}/guide${anchor ? `#${anchor}` : ""}`;
  const items = input.problems.map((p) => `${p.title}${p.detail ? `: ${p.detail}` : ""} (how to fix it: ${guide(p.guideAnchor)})`);
  const until = input.expiresAt.toISOString().slice(0, 10);
  const subject = `Changes needed to connect ${input.brokerage} to ${productName}`;
  const lines = [
    `Hello ${input.name},`,
    `Thank you for submitting your Microsoft 365 details. Before ${productName} can use them, a few things need to change.`,
    ...(items.length ? ["What to fix:", ...items.map((i) => `- ${i}`)] : []),
    ...(input.message ? [`A note from your ${vendorName} customer success manager:`, input.message] : []),
    `When you have made the changes, submit the form again with this link (it works until ${until}; earlier links no longer do):`,
    input.link,
    `Questions? Reply to ${supportEmail}.`,
  ];
  const blocks: HtmlBlock[] = [
    { p: lines[0]! },
    { p: lines[1]! },
    ...(items.length ? [{ p: "What to fix:" }, { list: items }] : []),
    ...(input.message ? [{ p: `A note from your ${vendorName} customer success manager:` }, { p: input.message }] : []),
    { p: `When you have made the changes, submit the form again (the link works until ${until}; earlier links no longer do):` },
    { link: { href: input.link, text: "Open the form" } },
    { p: `Questions? Reply to ${supportEmail}.` },
  ];
  return { subject, text: lines.join("\n\n"), html: renderHtml(blocks) };
}
