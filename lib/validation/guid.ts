/**
 * GUIDs, the one definition. Microsoft shows them in any case; people paste them with
 * braces or spaces around. Stored and compared lower-case, without braces.
 */

/** The bare shape, for embedding in a larger pattern (an issuer URL). */
export const GUID_SOURCE = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
const GUID = new RegExp(`^${GUID_SOURCE}$`, "i");

export const GUID_EXAMPLE = "00000000-0000-0000-0000-000000000000";

/** Exactly a GUID, any case, nothing around it: what may go into a URL or a uuid column. */
export function isGuid(value: string): boolean {
  return GUID.test(value);
}

/** Trims, drops the braces some tools add, and lower-cases, without judging the result. */
export function tidyGuid(value: string): string {
  return value.trim().replace(/^\{(.*)\}$/, "$1").trim().toLowerCase();
}

/** The canonical form of `value`, or null when it is not a GUID however pasted. */
export function normaliseGuid(value: string): string | null {
  const tidied = tidyGuid(value);
  return isGuid(tidied) ? tidied : null;
}
