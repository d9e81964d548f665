import "server-only";
import { eq, sql } from "drizzle-orm";
import { db } from "../db/client";
import { rateLimits } from "../db/schema";

/**
 * A rolling-window count in the `rate_limits` table, the one better-auth keeps its
 * per-address sign-in counts in (so both sign-in layers sit side by side and every
 * instance shares them). The window closes once no hit has come for its length.
 */
export type RollingLimit = { limit: number; windowSeconds: number };

/** Counts one hit for `key`; refuses, without counting, once the window holds `limit` hits. */
export async function hitRollingWindow(
  key: string,
  { limit, windowSeconds }: RollingLimit,
  now = Date.now(),
): Promise<{ allowed: true } | { allowed: false; retryAfterSeconds: number }> {
  const windowStart = now - windowSeconds * 1000;
  const counted = await db()
    .insert(rateLimits)
    .values({ key, count: 1, lastRequest: now })
    .onConflictDoUpdate({
      target: rateLimits.key,
      set: {
        count: sql`case when ${rateLimits.lastRequest} <= ${windowStart} then 1 else ${rateLimits.count} + 1 end`,
        lastRequest: now,
      },
      setWhere: sql`${rateLimits.lastRequest} <= ${windowStart} or ${rateLimits.count} < ${limit}`,
    })
    .returning({ count: rateLimits.count });
  if (counted.length > 0) return { allowed: true };
  const [row] = await db().select({ lastRequest: rateLimits.lastRequest }).from(rateLimits).where(eq(rateLimits.key, key));
  const retryAfterSeconds = Math.max(1, Math.ceil(((row?.lastRequest ?? now) + windowSeconds * 1000 - now) / 1000));
  return { allowed: false, retryAfterSeconds };
}

export async function clearRollingWindow(key: string) {
  await db().delete(rateLimits).where(eq(rateLimits.key, key));
}

/** Takes one hit back (a request that turned out not to count, like a successful sign-in). */
export async function refundRollingWindow(key: string) {
  await db()
    .update(rateLimits)
    .set({ count: sql`greatest(${rateLimits.count} - 1, 0)` })
    .where(eq(rateLimits.key, key));
}
