import type { ServerResponse } from "node:http";
import type { SimContext } from "./context";
import { tenantByIdOrDomain } from "./model";
import { sendJson } from "./responses";

/**
 * The identity platform's user-realm endpoints, in Microsoft's two shapes:
 * `GET /common/userrealm/{login}?api-version=2.1` and `GET /getuserrealm.srf?login={login}&json=1`.
 * A domain in a tenant is Managed, or Federated when the tenant federates it (AuthURL names
 * the identity provider's sign-in page); any other domain is Unknown.
 */

type Realm =
  | { type: "Managed"; login: string; domain: string; brand: string }
  | { type: "Federated"; login: string; domain: string; brand: string; authUrl: string; protocol: string }
  | { type: "Unknown"; login: string; domain: string };

function realmOf(ctx: SimContext, login: string): Realm {
  const domain = login.slice(login.lastIndexOf("@") + 1).toLowerCase();
  const tenant = domain ? tenantByIdOrDomain(ctx.state, domain) : undefined;
  if (!tenant || !tenant.domains.includes(domain)) return { type: "Unknown", login, domain };
  const federation = tenant.federation;
  if (federation?.domains.includes(domain)) {
    const authUrl = `${federation.authUrl}${federation.authUrl.includes("?") ? "&" : "?"}login=${encodeURIComponent(login)}`;
    return { type: "Federated", login, domain, brand: tenant.name, authUrl, protocol: federation.protocol };
  }
  return { type: "Managed", login, domain, brand: tenant.name };
}

/** `common/userrealm` with api-version 2.1. */
export function handleUserRealm(ctx: SimContext, res: ServerResponse, login: string) {
  const realm = realmOf(ctx, login);
  const common = { Login: realm.login, DomainName: realm.domain };
  if (realm.type === "Unknown") return sendJson(res, 200, { NameSpaceType: "Unknown", ...common });
  const branding = { FederationBrandName: realm.brand, TenantBrandingInfo: null, cloud_instance_name: "microsoftonline.com" };
  if (realm.type === "Managed") return sendJson(res, 200, { NameSpaceType: "Managed", ...common, ...branding });
  return sendJson(res, 200, { NameSpaceType: "Federated", federation_protocol: realm.protocol, ...common, AuthURL: realm.authUrl, ...branding });
}

/** The older `getuserrealm.srf?login=…&json=1`. */
export function handleGetUserRealmSrf(ctx: SimContext, res: ServerResponse, login: string) {
  const realm = realmOf(ctx, login);
  if (realm.type === "Unknown") return sendJson(res, 200, { State: 4, UserState: 1, Login: realm.login, NameSpaceType: "Unknown" });
  const cloud = { CloudInstanceName: "microsoftonline.com", CloudInstanceIssuerUri: "urn:federation:MicrosoftOnline" };
  if (realm.type === "Managed") {
    return sendJson(res, 200, { State: 4, UserState: 1, Login: realm.login, NameSpaceType: "Managed", DomainName: realm.domain, FederationBrandName: realm.brand, ...cloud });
  }
  return sendJson(res, 200, {
    State: 3,
    UserState: 2,
    Login: realm.login,
    NameSpaceType: "Federated",
    DomainName: realm.domain,
    FederationGlobalVersion: -1,
    AuthURL: realm.authUrl,
    FederationBrandName: realm.brand,
    ...cloud,
  });
}
