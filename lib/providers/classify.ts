import type { FederationBrand, MxClass, MxRecord, ProviderDetection, UserRealmSource } from "./types";

/**
 * The pure part of provider detection: reading Microsoft's user-realm answer, sorting
 * MX hosts, and combining the three sources into one kind. No I/O here.
 */

const GOOGLE_MX = [/(^|\.)google\.com$/, /(^|\.)googlemail\.com$/];
const MICROSOFT_MX = [/\.mail\.protection\.outlook\.com$/];
/** GoDaddy runs its Microsoft 365 sign-in on its own hosts (sso.secureserver.net, sso.godaddy.com). */
const GODADDY_HOST = /(^|\.)(secureserver\.net|godaddy\.com)$/;

const host = (name: string) => name.trim().toLowerCase().replace(/\.$/, "");

/** Google: *.google.com (aspmx.l.google.com, smtp.google.com), *.googlemail.com; Microsoft: *.mail.protection.outlook.com. */
export function classifyMx(records: MxRecord[]): MxClass {
  const hosts = records.map((r) => host(r.exchange)).filter(Boolean);
  if (hosts.length === 0) return "none";
  // The preferred hosts decide: a backup MX elsewhere does not change who hosts the mail.
  const best = Math.min(...records.map((r) => r.priority));
  const preferred = records.filter((r) => r.priority === best).map((r) => host(r.exchange));
  if (preferred.every((h) => GOOGLE_MX.some((p) => p.test(h)))) return "google";
  if (preferred.every((h) => MICROSOFT_MX.some((p) => p.test(h)))) return "microsoft";
  return "other";
}

const text = (value: unknown) => (typeof value === "string" && value.trim() ? value.trim() : undefined);

/**
 * Microsoft's user-realm answer, from either endpoint: `common/userrealm/{login}?api-version=2.1`
 * (`NameSpaceType`, `federation_protocol`, `AuthURL`, `FederationBrandName`, `cloud_instance_name`) or
 * `getuserrealm.srf?login=…&json=1` (the same names, `CloudInstanceName`). Anything else is no answer.
 */
export function readUserRealm(body: unknown): UserRealmSource {
  if (!body || typeof body !== "object") return { status: "unavailable" };
  const doc = body as Record<string, unknown>;
  const namespace = text(doc.NameSpaceType)?.toLowerCase();
  const brandName = text(doc.FederationBrandName);
  const cloud = text(doc.cloud_instance_name) ?? text(doc.CloudInstanceName);
  if (namespace === "managed") return { status: "managed", brandName, cloud };
  if (namespace === "federated") {
    return { status: "federated", brandName, authUrl: text(doc.AuthURL), protocol: text(doc.federation_protocol), cloud };
  }
  if (namespace === "unknown") return { status: "unknown" };
  return { status: "unavailable" };
}

export function signInHostOf(authUrl: string | undefined): string | undefined {
  if (!authUrl) return undefined;
  try {
    return new URL(authUrl).hostname.toLowerCase();
  } catch {
    return undefined;
  }
}

/** GoDaddy when the sign-in host is GoDaddy's, or the brand names it (tenants named "GoDaddy …"). */
export function federationBrandOf(realm: UserRealmSource): FederationBrand | undefined {
  if (realm.status !== "federated") return undefined;
  const signIn = signInHostOf(realm.authUrl);
  if ((signIn && GODADDY_HOST.test(signIn)) || /go\s*daddy|secureserver/i.test(realm.brandName ?? "")) return "godaddy";
  return "other";
}

type Sources = ProviderDetection["sources"];

/**
 * One kind from three sources, each of which may have failed:
 * - a federated realm is Microsoft 365 federated (GoDaddy or another identity provider);
 * - a tenant (OpenID) or a managed realm is Microsoft 365, unless every preferred MX host is
 *   Google's: then the mail, and so the sync, lives in Google Workspace;
 * - with no tenant, MX decides: Google, Microsoft (the tenant lookups failed), other or none;
 * - a domain Microsoft could not answer for, with MX elsewhere, none or unanswered, is unknown:
 *   many Microsoft 365 tenants receive mail through a filtering service's MX.
 */
export function combine(sources: Sources): Pick<ProviderDetection, "kind" | "tenantId" | "cloud" | "federationBrand" | "signInHost"> {
  const { openId, userRealm, mx } = sources;
  const tenantId = openId.status === "found" ? openId.tenantId : undefined;
  const cloud = openId.status === "other-cloud" ? (openId.cloud ?? "another Microsoft cloud") : undefined;
  const mxClass = mx.status === "found" ? mx.class : mx.status === "none" ? "none" : undefined;
  const tenant = Boolean(tenantId || cloud);

  if (userRealm.status === "federated") {
    return { kind: "microsoft-federated", tenantId, cloud, federationBrand: federationBrandOf(userRealm), signInHost: signInHostOf(userRealm.authUrl) };
  }
  if (tenant || userRealm.status === "managed") {
    if (mxClass === "google") return { kind: "google-workspace", tenantId, cloud };
    return { kind: "microsoft-managed", tenantId, cloud };
  }
  if (mxClass === "google") return { kind: "google-workspace" };
  if (mxClass === "microsoft") return { kind: "microsoft-managed" };
  const microsoftSaidNo = openId.status === "not-found" || userRealm.status === "unknown";
  if (microsoftSaidNo && mxClass !== undefined) return { kind: "other" };
  return { kind: "unknown" };
}
