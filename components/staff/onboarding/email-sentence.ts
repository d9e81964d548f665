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
  if (invite.email === "sending") return `The email to ${invite.recipientEmail} is queued to send; the outbox shows whether it went.`;
  if (invite.email === "outbox") return `No mail server is set up, so nothing was sent: send this link to ${invite.recipientEmail} yourself.`;
  return `The link was not emailed: send it to ${invite.recipientEmail} yourself.`;
}
