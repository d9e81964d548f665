/**
 * Reads the claims of an app-only access token for Graph (a JWT). Only the claims
 * are read, never logged; the token's signature is Graph's business.
 */
export type AppTokenClaims = { roles: string[]; tenantId?: string; audience?: string; appId?: string };

export function readAccessTokenClaims(accessToken: string): AppTokenClaims | undefined {
  const payload = accessToken.split(".")[1];
  if (!payload) return undefined;
  try {
    const claims = JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as Record<string, unknown>;
    const roles = Array.isArray(claims.roles) ? claims.roles.filter((r): r is string => typeof r === "string") : [];
    const text = (v: unknown) => (typeof v === "string" ? v : undefined);
    return { roles, tenantId: text(claims.tid), audience: text(claims.aud), appId: text(claims.appid) ?? text(claims.azp) };
  } catch {
    return undefined;
  }
}
