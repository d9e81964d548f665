"use server";

import { z } from "zod";
import { AREA_ROLES } from "@/lib/auth/roles";
import { staffAction, UserError } from "@/lib/actions/action";
import { dispatchEmails } from "@/lib/email/queue-email";
import { env } from "@/lib/env";
import { createBrokerage, updateBrokerage } from "@/lib/onboarding/brokerages";
import { importBrokerages, IMPORT_MAX_BYTES } from "@/lib/onboarding/import";
import { issueInvite, resendInvite, revokeInvite, type IssuedInvite } from "@/lib/onboarding/invites";
import { refreshBrokerageProvider } from "@/lib/providers/brokerage-provider";
import { BrokerageSchema, DEFAULT_INVITE_DAYS, InviteIdSchema, InviteSchema, inviteDays, ResendInviteSchema, UpdateBrokerageSchema } from "@/lib/onboarding/validation";

const roles = AREA_ROLES.onboarding;
const brokeragePage = (id: string) => `/staff/onboarding/brokerages/${id}`;

/** What the browser gets back about an invite: the link (this once), never the token's record. */
const shown = (invite: IssuedInvite) => ({
  brokerageId: invite.brokerageId,
  url: invite.url,
  expiresAt: invite.expiresAt.toISOString(),
  recipientEmail: invite.recipientEmail,
  /** How the email travels: by SMTP, or into the outbox when no mail server is set up. */
  email: invite.messageId === null ? ("none" as const) : env().SMTP_URL ? ("sending" as const) : ("outbox" as const),
});
export type ShownInvite = ReturnType<typeof shown>;

export const createBrokerageAction = staffAction({
  roles,
  schema: BrokerageSchema,
  run: async (input, ctx) => {
    const { id } = await ctx.change((change) => createBrokerage(change, input));
    await refreshBrokerageProvider(id);
    return { id };
  },
  redirectTo: (brokerage) => `${brokeragePage(brokerage.id)}?notice=created`,
});

export const updateBrokerageAction = staffAction({
  roles,
  schema: UpdateBrokerageSchema,
  run: async ({ brokerageId, ...input }, ctx) => {
    const result = await ctx.change((change) => updateBrokerage(change, brokerageId, input));
    await refreshBrokerageProvider(result.id);
    return result;
  },
  redirectTo: (result) => `${brokeragePage(result.id)}?notice=updated`,
});

export const createInviteAction = staffAction({
  roles,
  schema: InviteSchema,
  run: async (input, ctx) => {
    const invite = await ctx.change((change) => issueInvite(change, input));
    await dispatchEmails(invite.messageId ? [invite.messageId] : []);
    return shown(invite);
  },
  revalidate: (invite) => [brokeragePage(invite.brokerageId)],
});

export const resendInviteAction = staffAction({
  roles,
  schema: ResendInviteSchema,
  run: async ({ inviteId, days }, ctx) => {
    const invite = await ctx.change((change) => resendInvite(change, inviteId, days));
    await dispatchEmails(invite.messageId ? [invite.messageId] : []);
    return shown(invite);
  },
  revalidate: (invite) => [brokeragePage(invite.brokerageId)],
});

export const revokeInviteAction = staffAction({
  roles,
  schema: InviteIdSchema,
  run: (input, ctx) => ctx.change((change) => revokeInvite(change, input.inviteId)),
  revalidate: (result) => [brokeragePage(result.brokerageId), "/staff/onboarding"],
});

const ImportSchema = z.object({
  file: z
    .instanceof(File, { message: "Select a CSV file" })
    .refine((f) => f.size > 0, "Select a CSV file")
    .refine((f) => f.size <= IMPORT_MAX_BYTES, `The selected file must be smaller than ${IMPORT_MAX_BYTES / 1024} KB`)
    .refine((f) => /\.csv$/i.test(f.name) || f.type === "text/csv", "The selected file must be a CSV file"),
  days: inviteDays.optional().transform((d) => d ?? DEFAULT_INVITE_DAYS),
  sendEmail: z
    .string()
    .optional()
    .transform((v) => v === "yes"),
});

export const importBrokeragesAction = staffAction({
  roles,
  schema: ImportSchema,
  run: async ({ file, days, sendEmail }, ctx) => {
    const text = await file.text();
    if (text.includes("\u0000")) throw new UserError("The selected file must be a CSV file", "file");
    const report = await importBrokerages(ctx.change, text, { sendEmail, days });
    await dispatchEmails(report.messageIds);
    return { rows: report.rows, created: report.created, notCreated: report.notCreated, emailed: report.emailed };
  },
  revalidate: () => ["/staff/onboarding"],
});
