/**
 * The OAuth scopes the sync needs in a Google Workspace domain (DESIGN §10), the
 * narrowest that do the job. Defined once: the guide lists exactly these, the `token`
 * check requests one token per scope, and the hand-off names them.
 */

export const GOOGLE_SCOPES = [
  { key: "calendar", scope: "https://www.googleapis.com/auth/calendar.events", label: "Calendar events (read and write)", service: "Calendar" },
  { key: "contacts", scope: "https://www.googleapis.com/auth/contacts", label: "Contacts (read and write)", service: "Contacts" },
  { key: "mail", scope: "https://www.googleapis.com/auth/gmail.send", label: "Send email as the user", service: "Gmail" },
] as const;

export type GoogleScopeKey = (typeof GOOGLE_SCOPES)[number]["key"];

export const GOOGLE_SCOPE_STRINGS: readonly string[] = GOOGLE_SCOPES.map((s) => s.scope);

export const scopeOf = (key: GoogleScopeKey): string => GOOGLE_SCOPES.find((s) => s.key === key)!.scope;

/** What the Admin console's "OAuth scopes (comma-delimited)" field takes. */
export const scopeListForAdminConsole = (): string => GOOGLE_SCOPE_STRINGS.join(",");

/**
 * The Admin console's pre-filled "Add a new client ID" link. Undocumented by Google, so
 * the guide offers it beside the manual steps, never instead of them.
 */
export function adminConsoleDelegationLink(clientId: string): string {
  const query = new URLSearchParams({ clientIdToAdd: clientId, clientScopeToAdd: scopeListForAdminConsole(), overwriteClientId: "true" });
  return `https://admin.google.com/ac/owl/domainwidedelegation?${query.toString()}`;
}
