/**
 * The client's address as the nearest proxy reports it (first X-Forwarded-For entry,
 * else X-Real-IP), for rate limiting only. Without a proxy these headers are absent or
 * forgeable, so callers must treat the result as a hint, never as identity.
 */
export function requestAddress(headers: { get: (name: string) => string | null }): string | null {
  const forwarded = headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  return forwarded || headers.get("x-real-ip")?.trim() || null;
}
