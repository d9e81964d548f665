import "server-only";
import { eq, sql } from "drizzle-orm";
import { db } from "../db/client";
import { rateLimits } from "../db/schema";

/**
 * Sign-in throttling, in two layers that share the `rate_limits` table (so every app
 * instance counts together):
 * - per client address: better-auth's own rate limiter (`rateLimit` in auth.ts);
 * - per account: failed attempts for one email address, counted here, because an
 *   address can be spoofed or shared but an account under attack is always the same.
 * A window is rolling: it closes once no attempt has been made for its length.
 */
export const SIGN_IN_WINDOW_SECONDS = 15 * 60;
export const SIGN_IN_MAX_PER_ADDRESS = 20;
export const SIGN_IN_MAX_FAILURES_PER_ACCOUNT = 10;

const accountKey = (email: string) => `sign-in-account:${email.trim().toLowerCase()}`;

/** Counts one attempt for the account; refuses once it has failed too often. */
export async function consumeAccountAttempt(email: string, now = Date.now()): Promise<{ allowed: true } | { allowed: false; retryAfterSeconds: number }> {
  const key = accountKey(email);
  const windowStart = now - SIGN_IN_WINDOW_SECONDS * 1000;
  const counted = await db()
    .insert(rateLimits)
    .values({ key, count: 1, lastRequest: now })
    .onConflictDoUpdate({
      target: rateLimits.key,
      set: {
        count: sql`case when ${rateLimits.lastRequest} <= ${windowStart} then 1 else ${rateLimits.count} + 1 end`,
        lastRequest: now,
      },
      setWhere: sql`${rateLimits.lastRequest} <= ${windowStart} or ${rateLimits.count} < ${SIGN_IN_MAX_FAILURES_PER_ACCOUNT}`,
    })
    .returning({ count: rateLimits.count });
  if (counted.length > 0) return { allowed: true };
  const [row] = await db().select({ lastRequest: rateLimits.lastRequest }).from(rateLimits).where(eq(rateLimits.key, key));
  const retryAfterSeconds = Math.max(1, Math.ceil(((row?.lastRequest ?? now) + SIGN_IN_WINDOW_SECONDS * 1000 - now) / 1000));
  return { allowed: false, retryAfterSeconds };
}

/** A successful sign-in clears the account's failures. */
export async function clearAccountAttempts(email: string) {
  await db().delete(rateLimits).where(eq(rateLimits.key, accountKey(email)));
}
