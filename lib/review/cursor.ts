import { decodeCursor as decodeKey, encodeCursor as encodeKey } from "../pagination/keyset";

/** A queue page ends on the time its last row entered the queue, then its id. */
export type Cursor = { since: string; id: string };

export function encodeCursor(cursor: Cursor): string {
  return encodeKey([cursor.since, cursor.id]);
}

/** Null for anything that is not a cursor we made: the list starts from the top. */
export function decodeCursor(value: string | null | undefined): Cursor | null {
  const key = decodeKey(value, ["timestamp", "guid"]);
  return key ? { since: key[0], id: key[1] } : null;
}
