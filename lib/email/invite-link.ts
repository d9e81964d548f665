import "server-only";
import { openSecret, sealSecret, type SealedSecret } from "../crypto/secret-box";

/**
 * Invite links in stored messages. A message's bodies never hold a usable link: the
 * token is replaced by MASK, and while the message waits for the mail server the token
 * is kept sealed beside it (AES-GCM under CREDENTIALS_KEYS, bound to the message id), to
 * be put back only in the copy handed to SMTP. Staff who must send a message by hand
 * make a new link for it (lib/email/fresh-link.ts).
 */

const LINK = /\/invite\/([A-Za-z0-9_-]{43})/g;
export const MASK = "[link hidden]";
const MASKED = `/invite/${MASK}`;

/** The bodies with every invite link masked, and the token they carried (one per message). */
export function maskInviteLinks(bodies: { text: string; html: string | null }) {
  let token: string | null = null;
  const mask = (body: string) =>
    body.replace(LINK, (_match, found: string) => {
      token ??= found;
      return MASKED;
    });
  return { text: mask(bodies.text), html: bodies.html === null ? null : mask(bodies.html), token: token as string | null };
}

export function sealInviteToken(token: string, messageId: string): SealedSecret {
  return sealSecret(token, messageId, undefined, "outgoing_messages");
}

/** The copy of a body that goes to the mail server, with its link back in. */
export function unmaskInviteLink(body: string, sealed: SealedSecret, messageId: string): string {
  const token = openSecret(sealed, messageId, undefined, "outgoing_messages");
  return body.split(MASKED).join(`/invite/${token}`);
}
