/**
 * Shapes of the identifiers that go into Microsoft URLs. Every value is checked
 * here before it is placed in a path, and then URL-encoded.
 */

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DOMAIN = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i;
// A practical address check (RFC 5322 "dot-atom" local part, DNS domain), not the full grammar.
const MAILBOX = /^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*@(.+)$/i;

export const isGuid = (value: string) => GUID.test(value);

/** Trims, drops the braces some tools add around GUIDs, and lower-cases. */
export const normaliseGuid = (value: string) => value.trim().replace(/^\{(.*)\}$/, "$1").trim().toLowerCase();

export const isDomainName = (value: string) => DOMAIN.test(value);

export function isMailboxAddress(value: string): boolean {
  if (value.length > 254) return false;
  const match = MAILBOX.exec(value);
  return Boolean(match && match[0].indexOf("@") <= 64 && isDomainName(match[1]!));
}

/** The part after the @, lower-cased; the address must already be valid. */
export const mailboxDomain = (address: string) => address.slice(address.lastIndexOf("@") + 1).toLowerCase();

/** A tenant as Microsoft's endpoints accept it: its GUID or one of its domain names. */
export const isTenantIdentifier = (value: string) => isGuid(value) || isDomainName(value);

export const pathSegment = (value: string) => encodeURIComponent(value);
