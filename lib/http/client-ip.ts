/**
 * The address a request came from, for rate limits and the audit log. The portal
 * runs behind a reverse proxy or Next's own server, both of which set
 * X-Forwarded-For; the first entry is the client as the outermost proxy saw it.
 */
export function clientIp(headers: Headers): string {
  const forwarded = headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  const ip = forwarded || headers.get("x-real-ip")?.trim() || "unknown";
  return ip.slice(0, 64);
}
