/**
 * A fixed-window counter kept in this process's memory: enough to stop one browser
 * (or a script) from flooding a low-volume form. With several app instances each keeps
 * its own count, so the effective limit is per instance; the global cap bounds the
 * total any one instance accepts. Nothing here is persisted.
 */
export type RateLimiter = { take: (key: string) => boolean };

export function createRateLimiter(options: {
  perKey: number;
  overall: number;
  windowMs: number;
  now?: () => number;
}): RateLimiter {
  const now = options.now ?? Date.now;
  let windowStart = now();
  let overall = 0;
  let counts = new Map<string, number>();

  return {
    take(key) {
      const t = now();
      if (t - windowStart >= options.windowMs) {
        windowStart = t;
        overall = 0;
        counts = new Map();
      }
      const used = counts.get(key) ?? 0;
      if (used >= options.perKey || overall >= options.overall) return false;
      counts.set(key, used + 1);
      overall += 1;
      return true;
    },
  };
}
