import { and, eq, lt, sql } from "drizzle-orm";
import { db } from "../db/client";
import { apiRateWindows } from "../db/schema";

/**
 * Requests per API key per minute, in fixed one-minute windows counted by an upsert in
 * PostgreSQL, so every app instance shares the count.
 */
export const API_REQUESTS_PER_MINUTE = 60;

export type RateDecision = { allowed: boolean; limit: number; remaining: number; retryAfterSeconds: number };

export async function consumeApiRequest(keyId: string, now = new Date()): Promise<RateDecision> {
  const windowStart = new Date(Math.floor(now.getTime() / 60_000) * 60_000);
  const [row] = await db()
    .insert(apiRateWindows)
    .values({ keyId, windowStart, count: 1 })
    .onConflictDoUpdate({
      target: [apiRateWindows.keyId, apiRateWindows.windowStart],
      set: { count: sql`${apiRateWindows.count} + 1` },
    })
    .returning({ count: apiRateWindows.count });
  const count = row!.count;
  // The first request of a window clears the key's older windows, keeping the table small.
  if (count === 1) {
    await db().delete(apiRateWindows).where(and(eq(apiRateWindows.keyId, keyId), lt(apiRateWindows.windowStart, windowStart)));
  }
  const retryAfterSeconds = Math.max(1, Math.ceil((windowStart.getTime() + 60_000 - now.getTime()) / 1000));
  return {
    allowed: count <= API_REQUESTS_PER_MINUTE,
    limit: API_REQUESTS_PER_MINUTE,
    remaining: Math.max(0, API_REQUESTS_PER_MINUTE - count),
    retryAfterSeconds,
  };
}
