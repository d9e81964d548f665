/**
 * Domain names and mailbox addresses, the one definition: a test mailbox goes into a
 * Graph URL, so the form and the verification run accept exactly the same addresses.
 */

const DOMAIN = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i;
// A practical address check (RFC 5322 "dot-atom" local part, DNS domain), not the full grammar.
const MAILBOX = /^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*@(.+)$/i;

/** The longest address SMTP carries (RFC 5321 path limit less the brackets). */
export const MAILBOX_MAX_LENGTH = 254;

export const isDomainName = (value: string) => DOMAIN.test(value);

export function isMailboxAddress(value: string): boolean {
  if (value.length > MAILBOX_MAX_LENGTH) return false;
  const match = MAILBOX.exec(value);
  return Boolean(match && match[0].indexOf("@") <= 64 && isDomainName(match[1]!));
}

/** The part after the @, lower-cased; the address must already be valid. */
export const mailboxDomain = (address: string) => address.slice(address.lastIndexOf("@") + 1).toLowerCase();
