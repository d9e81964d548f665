/**
 * The address a request came from, for rate limits and the audit log.
 * The portal runs behind one reverse proxy or load balancer that appends the address
 * it saw to X-Forwarded-For; Next's own server sets it from the socket when there is
 * no proxy. The last entry is therefore the one a client cannot choose: earlier
 * entries are whatever the client sent.
 */
export function clientIp(headers: Headers): string {
  const forwarded = headers.get("x-forwarded-for")?.split(",").at(-1)?.trim();
  const ip = forwarded || headers.get("x-real-ip")?.trim() || "unknown";
  return ip.slice(0, 64);
}
