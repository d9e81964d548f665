import type { ShownInvite } from "@/app/(staff)/staff/onboarding/actions";

/** What happened to the email carrying a new link, in one sentence. */
export function emailSentence(invite: ShownInvite): string {
  if (invite.email === "sending") return `The link is on its way to ${invite.recipientEmail}.`;
  if (invite.email === "outbox") return `No mail server is set up, so the email to ${invite.recipientEmail} is waiting in the outbox: send it from there.`;
  return `The link was not emailed: send it to ${invite.recipientEmail} yourself.`;
}
