/** IP and user agent for the audit log; the first X-Forwarded-For hop is the client behind a proxy. */
export function requestOrigin(headers: Headers): { ip: string | null; userAgent: string | null } {
  const forwarded = headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  return {
    ip: forwarded || headers.get("x-real-ip") || null,
    userAgent: headers.get("user-agent")?.slice(0, 300) ?? null,
  };
}
