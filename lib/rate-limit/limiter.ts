import "server-only";
import { checkRateLimit, hitRateLimit, type RateLimit, type RateLimitState } from "./fixed-window";

/**
 * A named limit bound to its numbers. Counts live in PostgreSQL, so any number of
 * limiters with the same name, in any number of app instances, share one count.
 * `overall` caps every subject together (e.g. all addresses sending one form).
 */
export type RateLimiter = {
  limit: RateLimit;
  /** Counts one hit for the subject (and for the overall cap) and says whether it fitted. */
  hit: (subject: string, now?: Date) => Promise<RateLimitState>;
  /** Whether another hit would still fit, without counting one. */
  check: (subject: string, now?: Date) => Promise<RateLimitState>;
};

const OVERALL_SUBJECT = "*";

export function createRateLimiter(limit: RateLimit, options: { overall?: number } = {}): RateLimiter {
  const overall: RateLimit | null = options.overall ? { name: `${limit.name}-overall`, limit: options.overall, windowSeconds: limit.windowSeconds } : null;
  return {
    limit,
    async hit(subject, now = new Date()) {
      if (overall) {
        // The subject's own count first: one flooding address must not use up everyone's allowance.
        const own = await checkRateLimit(limit, subject, now);
        if (!own.allowed) return own;
        const all = await hitRateLimit(overall, OVERALL_SUBJECT, now);
        if (!all.allowed) return all;
      }
      return hitRateLimit(limit, subject, now);
    },
    check: (subject, now = new Date()) => checkRateLimit(limit, subject, now),
  };
}
