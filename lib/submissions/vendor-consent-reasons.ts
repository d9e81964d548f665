import { branding } from "../branding";

/**
 * What Microsoft's admin-consent endpoint answered, as a reason with its fix, by the
 * AADSTS code at the start of `error_description` and the OAuth `error`, never by the
 * wording (learn.microsoft.com/entra/identity-platform/reference-error-codes and the
 * "unexpected error when performing consent" article).
 */

/** The three application permissions the vendor app asks for, in words for the administrator who grants them. */
export const VENDOR_APP_GRANTS = [
  "Read and write the calendars of every mailbox (Calendars.ReadWrite), to keep agents’ appointments in step",
  "Read and write the contacts of every mailbox (Contacts.ReadWrite), to keep agents’ contacts in step",
  "Send mail as any user (Mail.Send), for the messages agents send from the CRM",
] as const;

export const CONSENT_REASONS = [
  "consent-declined",
  "consent-admin-required",
  "consent-blocked-by-policy",
  "consent-app-unavailable",
  "consent-state-invalid",
  "consent-failed",
] as const;
export type ConsentReason = (typeof CONSENT_REASONS)[number];

const BY_CODE: ReadonlyMap<number, ConsentReason> = new Map<number, ConsentReason>([
  [65004, "consent-declined"], // the user declined to consent (Cancel)
  [90094, "consent-admin-required"], // the grant requires admin permission: signed in without a role that can grant it
  [65001, "consent-admin-required"], // the user or administrator has not consented
  [90093, "consent-blocked-by-policy"], // a policy blocks granting, or permissions the user is not authorised to grant
  [53003, "consent-blocked-by-policy"], // blocked by Conditional Access
  [700016, "consent-app-unavailable"], // the app is not found in the directory
  [7000112, "consent-app-unavailable"], // the app is disabled
  [50011, "consent-app-unavailable"], // the redirect URI is not registered for the app
]);

export type ConsentAnswer = { reason: ConsentReason; code: string | null };

/** The first AADSTS number in an error description, e.g. 65004 for "AADSTS65004: …". */
export function aadstsCode(description: string | null): number | null {
  const match = /AADSTS(\d{4,8})/.exec(description ?? "");
  return match ? Number(match[1]) : null;
}

/** A failed consent from the callback's `error` and `error_description`. */
export function classifyConsentError(error: string, description: string | null): ConsentAnswer {
  const number = aadstsCode(description);
  const byCode = number === null ? undefined : BY_CODE.get(number);
  const code = number === null ? error.slice(0, 60) : `AADSTS${number}`;
  if (byCode) return { reason: byCode, code };
  // Without a code Microsoft documents, the OAuth error itself: access_denied is the user saying no.
  if (error === "access_denied") return { reason: "consent-declined", code };
  return { reason: "consent-failed", code };
}

export type ConsentRemedy = { title: string; fix: string };

export function consentRemedy(reason: ConsentReason): ConsentRemedy {
  const { productName, supportEmail } = branding();
  const roles = "a Global Administrator or Privileged Role Administrator";
  switch (reason) {
    case "consent-declined":
      return { title: "Consent was not given", fix: `Nothing was granted. When you are ready, select Connect with Microsoft again and choose Accept on Microsoft's page.` };
    case "consent-admin-required":
      return {
        title: "This account cannot grant these permissions",
        fix: `Only ${roles} can grant application permissions for Microsoft Graph; an Application Administrator or Cloud Application Administrator cannot. Send this page's link to such an administrator, or sign in again as one. If you asked for approval instead, your administrator approves it under Enterprise applications → Admin consent requests, then comes back here.`,
      };
    case "consent-blocked-by-policy":
      return {
        title: "A policy in your organisation blocked the consent",
        fix: `Your organisation's consent or Conditional Access policies stopped this. ${roles[0]!.toUpperCase()}${roles.slice(1)} can grant it; otherwise ask your administrator to allow ${productName} under Enterprise applications → Consent and permissions.`,
      };
    case "consent-app-unavailable":
      return { title: `Microsoft could not offer ${productName} right now`, fix: `This is on our side, not yours. Write to ${supportEmail} and quote the code below.` };
    case "consent-state-invalid":
      return {
        title: "This sign-in link has already been used or has expired",
        fix: "Nothing was changed. Start again with Connect with Microsoft on this page: each sign-in link works once, for 15 minutes, in the browser that started it.",
      };
    case "consent-failed":
      return { title: "Microsoft did not complete the consent", fix: `Nothing was granted. Try again; if it happens again, write to ${supportEmail} and quote the code below.` };
  }
}
