/** Where a request came from, for audit events: the client address and user agent. */
export type RequestOrigin = { ip: string | null; userAgent: string | null };

/**
 * The first X-Forwarded-For entry (Next's server sets it from the socket when no
 * proxy did), else X-Real-IP. Behind a load balancer, that balancer must set it.
 */
export function requestOrigin(headers: Headers): RequestOrigin {
  const forwarded = headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  const ip = forwarded || headers.get("x-real-ip")?.trim() || null;
  const userAgent = headers.get("user-agent")?.slice(0, 500) ?? null;
  return { ip: ip ? ip.slice(0, 100) : null, userAgent };
}
