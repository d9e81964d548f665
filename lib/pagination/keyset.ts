import { z } from "zod";
import { isGuid } from "../validation/guid";

/**
 * Keyset pagination, the one way: a page ends on the sort key of its last row, and the
 * next page starts after it. The key travels as an opaque `cursor` search parameter
 * (base64url JSON), and anything that is not a cursor we made starts the list from the
 * top instead of failing. Lists short enough to count use a `page` number instead.
 */

const MAX_CURSOR_LENGTH = 200;

export function encodeCursor(key: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify(key), "utf8").toString("base64url");
}

/** The key's parts, or null for a missing, foreign or tampered value. */
function decodeParts(value: string | null | undefined): unknown[] | null {
  if (!value || value.length > MAX_CURSOR_LENGTH) return null;
  try {
    const parsed: unknown = JSON.parse(Buffer.from(value, "base64url").toString("utf8"));
    return Array.isArray(parsed) ? parsed : null;
  } catch {
    return null;
  }
}

/** A key part is checked before it reaches SQL as a typed parameter. */
export const KEY_PARTS = {
  /** PostgreSQL's own text form of a timestamptz, so microseconds survive the round trip. */
  timestamp: (v: unknown): v is string => typeof v === "string" && /^\d{4}-\d{2}-\d{2}[ T][\d:.]+([+-]\d{2}(:?\d{2})?|Z)$/.test(v),
  day: (v: unknown): v is string => typeof v === "string" && /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(v)),
  guid: (v: unknown): v is string => typeof v === "string" && isGuid(v),
  serial: (v: unknown): v is number => typeof v === "number" && Number.isSafeInteger(v) && v > 0,
  /** A mailbox address as stored (lower case), e.g. a brokerage's agents in address order. */
  mailbox: (v: unknown): v is string => typeof v === "string" && v.length > 0 && v.length <= 254 && v === v.toLowerCase(),
} as const;

type KeyPart = keyof typeof KEY_PARTS;
type PartType<P extends KeyPart> = (typeof KEY_PARTS)[P] extends (v: unknown) => v is infer T ? T : never;
export type Key<Shape extends readonly KeyPart[]> = { [I in keyof Shape]: PartType<Shape[I]> };

/** Decodes a cursor whose key has the given shape, like `["timestamp", "guid"]`. */
export function decodeCursor<const Shape extends readonly KeyPart[]>(value: string | null | undefined, shape: Shape): Key<Shape> | null {
  const parts = decodeParts(value);
  if (!parts || parts.length !== shape.length) return null;
  return shape.every((part, i) => KEY_PARTS[part](parts[i])) ? (parts as Key<Shape>) : null;
}

const ignoredWhenBad = <T extends z.ZodType>(schema: T) => schema.optional().catch(undefined);

/** The paging parameters of a list page's search params; bad values read as absent. */
export const PageParamsSchema = z.object({
  cursor: ignoredWhenBad(z.string().min(1).max(MAX_CURSOR_LENGTH)),
  page: ignoredWhenBad(z.coerce.number().int().min(1).max(1_000_000)),
});
export type PageParams = z.output<typeof PageParamsSchema>;

export function pageParams(searchParams: Record<string, string | string[] | undefined>): PageParams {
  return PageParamsSchema.parse({ cursor: searchParams.cursor, page: searchParams.page });
}
