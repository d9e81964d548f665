/**
 * What the portal can tell about a brokerage's email from its domain (DESIGN §10),
 * before any setup: which branch of the guide fits. Detection guides, never blocks.
 */

export type ProviderKind = "microsoft-managed" | "microsoft-federated" | "google-workspace" | "other" | "unknown";

/** Whose sign-in a federated Microsoft 365 domain hands over to; "godaddy" has its own guide branch. */
export type FederationBrand = "godaddy" | "other";

export type MxRecord = { exchange: string; priority: number };

/** Who receives the domain's mail, read from its MX hosts. */
export type MxClass = "google" | "microsoft" | "other" | "none";

export type OpenIdSource =
  | { status: "found"; tenantId: string }
  | { status: "other-cloud"; cloud?: string }
  | { status: "not-found" }
  | { status: "unavailable" };

export type UserRealmSource =
  | { status: "managed"; brandName?: string; cloud?: string }
  | { status: "federated"; brandName?: string; authUrl?: string; protocol?: string; cloud?: string }
  | { status: "unknown" }
  | { status: "unavailable" };

export type MxSource = { status: "found"; records: MxRecord[]; class: MxClass } | { status: "none" } | { status: "unavailable" };

export type ProviderDetection = {
  /** The domain looked up, lower-case. */
  domain: string;
  kind: ProviderKind;
  tenantId?: string;
  /** A national cloud the tenant lives in, in words (the verification then answers tenant-other-cloud). */
  cloud?: string;
  federationBrand?: FederationBrand;
  /** The host a federated domain's users sign in at (the realm's AuthURL). */
  signInHost?: string;
  mx: MxRecord[];
  sources: { openId: OpenIdSource; userRealm: UserRealmSource; mx: MxSource };
  durationMs: number;
};
