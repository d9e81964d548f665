/**
 * How a brokerage connects (DESIGN §9, §10) and which provider that means: the Microsoft
 * methods, and Google Workspace's domain-wide delegation to the vendor's service account.
 * Kept here, below the form, the runs, the dashboards, the hand-off and the database.
 */
export const CREDENTIAL_METHODS = ["client-secret", "certificate", "vendor-app", "google-delegation"] as const;
export type CredentialMethodName = (typeof CREDENTIAL_METHODS)[number];

export type EmailProvider = "microsoft" | "google";

export const providerOfMethod = (method: CredentialMethodName): EmailProvider => (method === "google-delegation" ? "google" : "microsoft");

export const PROVIDER_LABELS: Record<EmailProvider, string> = { microsoft: "Microsoft 365", google: "Google Workspace" };

/**
 * Domain-wide delegation does not expire: the attempt's expiry column holds this date,
 * beyond any reminder window, and pages show "does not expire" for it.
 */
export const NO_EXPIRY_DATE = "9999-12-31";
