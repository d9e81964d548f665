import "server-only";
import { and, eq, lt, sql } from "drizzle-orm";
import { db } from "../db/client";
import { rateLimitCounters } from "../db/schema";

/**
 * Fixed-window rate limits kept in PostgreSQL, so every app instance counts
 * together. A window is `windowSeconds` long; at most `limit` hits fit in one.
 */

export type RateLimit = { name: string; limit: number; windowSeconds: number };
export type RateLimitState = { allowed: boolean; count: number; retryAfterSeconds: number };

function window(limit: RateLimit, now: Date) {
  const ms = limit.windowSeconds * 1000;
  const start = new Date(Math.floor(now.getTime() / ms) * ms);
  const retryAfterSeconds = Math.max(1, Math.ceil((start.getTime() + ms - now.getTime()) / 1000));
  return { start, retryAfterSeconds };
}

const keyOf = (limit: RateLimit, subject: string) => `${limit.name}:${subject}`.slice(0, 300);

/** Whether another hit would still be allowed, without counting one. */
export async function checkRateLimit(limit: RateLimit, subject: string, now = new Date()): Promise<RateLimitState> {
  const { start, retryAfterSeconds } = window(limit, now);
  const rows = await db()
    .select({ count: rateLimitCounters.count })
    .from(rateLimitCounters)
    .where(and(eq(rateLimitCounters.key, keyOf(limit, subject)), eq(rateLimitCounters.windowStart, start)));
  const count = rows[0]?.count ?? 0;
  return { allowed: count < limit.limit, count, retryAfterSeconds };
}

/** Counts one hit and says whether it was within the limit. */
export async function hitRateLimit(limit: RateLimit, subject: string, now = new Date()): Promise<RateLimitState> {
  const { start, retryAfterSeconds } = window(limit, now);
  const [row] = await db()
    .insert(rateLimitCounters)
    .values({ key: keyOf(limit, subject), windowStart: start, count: 1 })
    .onConflictDoUpdate({
      target: [rateLimitCounters.key, rateLimitCounters.windowStart],
      set: { count: sql`${rateLimitCounters.count} + 1` },
    })
    .returning({ count: rateLimitCounters.count });
  // Old windows are dead weight: now and then, clear those older than a day.
  if (Math.random() < 0.02) {
    await db().delete(rateLimitCounters).where(lt(rateLimitCounters.windowStart, new Date(now.getTime() - 86_400_000)));
  }
  const count = row?.count ?? 1;
  return { allowed: count <= limit.limit, count, retryAfterSeconds };
}
