import type { Env } from "../env";

/**
 * Microsoft Entra ID sign-in for staff, on only when all three STAFF_SSO_MICROSOFT_*
 * settings are present (lib/env.ts refuses a partial set). It signs in existing staff
 * accounts only: an Entra user with no staff account with the same email is turned away
 * (disableImplicitSignUp). The tenant must be a single tenant (never `common`), so only
 * the vendor's own directory can vouch for an email address.
 */
export function microsoftStaffSignIn(e: Env) {
  if (!e.STAFF_SSO_MICROSOFT_CLIENT_ID || !e.STAFF_SSO_MICROSOFT_CLIENT_SECRET || !e.STAFF_SSO_MICROSOFT_TENANT_ID) return undefined;
  return {
    clientId: e.STAFF_SSO_MICROSOFT_CLIENT_ID,
    clientSecret: e.STAFF_SSO_MICROSOFT_CLIENT_SECRET,
    tenantId: e.STAFF_SSO_MICROSOFT_TENANT_ID,
    disableImplicitSignUp: true,
    disableProfilePhoto: true,
    prompt: "select_account" as const,
  };
}

export function isMicrosoftSignInEnabled(e: Env): boolean {
  return microsoftStaffSignIn(e) !== undefined;
}
