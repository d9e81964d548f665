/**
 * Keyset pagination cursors: the sort key of the last row shown, opaque to the browser.
 * The time travels as PostgreSQL's own text form, so microseconds survive the round trip.
 */
export type Cursor = { since: string; id: string };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify([cursor.since, cursor.id]), "utf8").toString("base64url");
}

/** Null for anything that is not a cursor we made: the list starts from the top. */
export function decodeCursor(value: string | null | undefined): Cursor | null {
  if (!value || value.length > 200) return null;
  try {
    const parsed: unknown = JSON.parse(Buffer.from(value, "base64url").toString("utf8"));
    if (!Array.isArray(parsed) || parsed.length !== 2) return null;
    const [since, id] = parsed as unknown[];
    if (typeof since !== "string" || typeof id !== "string" || !UUID.test(id)) return null;
    if (!/^\d{4}-\d{2}-\d{2}[ T][\d:.]+([+-]\d{2}(:?\d{2})?|Z)$/.test(since)) return null;
    return { since, id };
  } catch {
    return null;
  }
}
