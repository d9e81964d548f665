/**
 * GUIDs as the Microsoft Entra admin center shows them, accepted the ways people
 * paste them: any case, with or without braces. Stored lower-case, without braces.
 */

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export const GUID_EXAMPLE = "00000000-0000-0000-0000-000000000000";

/** The canonical form of `value`, or null when it is not a GUID. */
export function normaliseGuid(value: string): string | null {
  let v = value.trim().toLowerCase();
  if (v.startsWith("{") && v.endsWith("}")) v = v.slice(1, -1).trim();
  return GUID.test(v) ? v : null;
}

export function isGuid(value: string): boolean {
  return normaliseGuid(value) !== null;
}
