/** What the browser gets back about a new invite: the link (this once), never the token's record. */
export type ShownInvite = {
  brokerageId: string;
  url: string;
  expiresAt: string;
  recipientEmail: string;
  /** How the email travels: by SMTP, into the outbox when no mail server is set up, or not at all. */
  email: "none" | "sending" | "outbox";
};

/** What happened to the email carrying a new link, in one sentence. */
export function emailSentence(invite: ShownInvite): string {
  if (invite.email === "sending") return `The link is on its way to ${invite.recipientEmail}.`;
  if (invite.email === "outbox") return `No mail server is set up, so the email to ${invite.recipientEmail} is waiting in the outbox: send it from there.`;
  return `The link was not emailed: send it to ${invite.recipientEmail} yourself.`;
}
