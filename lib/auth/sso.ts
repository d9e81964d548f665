import type { MicrosoftEntraIDProfile } from "better-auth/social-providers";
import type { Env } from "../env";

/**
 * How a Microsoft identity is named in the `accounts` table: tenant id and object id,
 * the pair Microsoft documents as the stable key of a user (`tid` + `oid`). The email
 * claim is never used to find an account: it can be changed, and need not be verified.
 */
export function microsoftAccountId(tenantId: string, objectId: string): string {
  return `${tenantId.trim().toLowerCase()}:${objectId.trim().toLowerCase()}`;
}

/** A JWT's claims, unverified: only for tokens better-auth has verified already. */
function payloadOf(jwt: string): Record<string, unknown> | null {
  try {
    const claims: unknown = JSON.parse(Buffer.from(jwt.split(".")[1] ?? "", "base64url").toString("utf8"));
    return claims && typeof claims === "object" ? (claims as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/**
 * The profile better-auth keys the account by (its Microsoft provider uses `oid` as the
 * account's subject): here `oid` becomes tid + oid. The ID token was already checked by
 * then (signature, audience, and an issuer pinned to the configured tenant).
 */
export function microsoftProfile(idToken: string | undefined) {
  if (!idToken) return null;
  const claims = payloadOf(idToken);
  if (!claims) return null;
  if (typeof claims.tid !== "string" || typeof claims.oid !== "string" || !claims.oid.trim()) return null;
  const email = typeof claims.email === "string" ? claims.email : typeof claims.preferred_username === "string" ? claims.preferred_username : "";
  return {
    user: { name: typeof claims.name === "string" ? claims.name : email, email, emailVerified: false },
    data: { ...claims, oid: microsoftAccountId(claims.tid, claims.oid) } as MicrosoftEntraIDProfile,
  };
}

/**
 * Microsoft Entra ID sign-in for staff, on only when all three STAFF_SSO_MICROSOFT_*
 * settings are present (lib/env.ts refuses a partial set). It signs in staff whose
 * account an administrator linked to a Microsoft identity (`staff link-microsoft`),
 * found by tid + oid; anyone else is turned away, whatever their email says (account
 * linking is off in lib/auth/auth.ts, and there is no implicit sign-up). The tenant must
 * be a single tenant (never `common`), so the issuer is pinned to the vendor's directory.
 */
export function microsoftStaffSignIn(e: Env) {
  if (!e.STAFF_SSO_MICROSOFT_CLIENT_ID || !e.STAFF_SSO_MICROSOFT_CLIENT_SECRET || !e.STAFF_SSO_MICROSOFT_TENANT_ID) return undefined;
  return {
    clientId: e.STAFF_SSO_MICROSOFT_CLIENT_ID,
    clientSecret: e.STAFF_SSO_MICROSOFT_CLIENT_SECRET,
    tenantId: e.STAFF_SSO_MICROSOFT_TENANT_ID,
    authority: e.MICROSOFT_AUTHORITY_HOST,
    disableImplicitSignUp: true,
    disableProfilePhoto: true,
    prompt: "select_account" as const,
    getUserInfo: async (tokens: { idToken?: string }) => microsoftProfile(tokens.idToken),
  };
}

export function isMicrosoftSignInEnabled(e: Env): boolean {
  return microsoftStaffSignIn(e) !== undefined;
}
