import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { MICROSOFT_GRAPH_APP_ID } from "../lib/microsoft/permissions";
import { isGuid } from "../lib/validation/guid";
import { JWT_BEARER, verifyClientAssertion } from "./client-assertion";
import { tenantByIdOrDomain, type SimTenant } from "./model";
import { sendAadError, sendJson } from "./responses";
import type { SimContext } from "./context";
import { consentKey } from "./vendor-app";

/**
 * The identity platform: the tenant's OpenID configuration and the v2.0 token
 * endpoint (client credentials), answering as login.microsoftonline.com does.
 */

const DOMAIN = /^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i;

/** Resolves the tenant in the path, answering the identity platform's errors itself. */
function resolveTenant(ctx: SimContext, res: ServerResponse, segment: string): SimTenant | undefined {
  if (!isGuid(segment) && !DOMAIN.test(segment)) {
    sendAadError(res, ctx.authorityHost, {
      status: 400,
      error: "invalid_request",
      code: 900023,
      description: `Specified tenant identifier '${segment}' is neither a valid DNS name, nor a valid external domain.`,
    });
    return undefined;
  }
  const tenant = tenantByIdOrDomain(ctx.state, segment);
  if (!tenant) {
    sendAadError(res, ctx.authorityHost, {
      status: 400,
      error: "invalid_tenant",
      code: 90002,
      description: `Tenant '${segment}' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud. Check with your subscription administrator, this may happen if there are no active subscriptions for the tenant.`,
    });
    return undefined;
  }
  if (tenant.outage) {
    sendAadError(res, ctx.authorityHost, {
      status: 503,
      error: "temporarily_unavailable",
      code: 90033,
      description: "A transient error has occurred. Please try again.",
      retryAfterSeconds: 30,
    });
    return undefined;
  }
  return tenant;
}

export function handleDiscovery(ctx: SimContext, res: ServerResponse, segment: string) {
  const tenant = resolveTenant(ctx, res, segment);
  if (!tenant) return;
  const government = tenant.cloud === "us-government";
  const host = government ? "https://login.microsoftonline.us" : ctx.authorityHost;
  const base = `${host}/${tenant.id}`;
  sendJson(res, 200, {
    token_endpoint: `${base}/oauth2/v2.0/token`,
    token_endpoint_auth_methods_supported: ["client_secret_post", "private_key_jwt", "client_secret_basic"],
    jwks_uri: `${host}/${tenant.id}/discovery/v2.0/keys`,
    response_modes_supported: ["query", "fragment", "form_post"],
    subject_types_supported: ["pairwise"],
    id_token_signing_alg_values_supported: ["RS256"],
    response_types_supported: ["code", "id_token", "code id_token", "id_token token"],
    scopes_supported: ["openid", "profile", "email", "offline_access"],
    issuer: `${base}/v2.0`,
    request_uri_parameter_supported: false,
    userinfo_endpoint: government ? "https://graph.microsoft.us/oidc/userinfo" : `${ctx.graphUrl}/oidc/userinfo`,
    authorization_endpoint: `${base}/oauth2/v2.0/authorize`,
    device_authorization_endpoint: `${base}/oauth2/v2.0/devicecode`,
    http_logout_supported: true,
    frontchannel_logout_supported: true,
    end_session_endpoint: `${base}/oauth2/v2.0/logout`,
    claims_supported: ["sub", "iss", "cloud_instance_name", "cloud_instance_host_name", "cloud_graph_host_name", "msgraph_host", "aud", "exp", "iat", "auth_time", "acr", "nonce", "preferred_username", "name", "tid", "ver", "at_hash", "c_hash", "email"],
    kerberos_endpoint: `${base}/kerberos`,
    tenant_region_scope: government ? "USGov" : "NA",
    ...(government ? { tenant_region_sub_scope: "DODCON" } : {}),
    cloud_instance_name: government ? "microsoftonline.us" : "microsoftonline.com",
    cloud_graph_host_name: "graph.windows.net",
    msgraph_host: government ? "graph.microsoft.us" : new URL(ctx.graphUrl).host,
    rbac_url: government ? "https://pas.windows.net" : "https://pas.windows.net",
  });
}

async function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return new URLSearchParams(Buffer.concat(chunks).toString("utf8"));
}

/** Identity platform answers an app can be set to give instead of a token, worded as Microsoft words them. */
const TOKEN_ERRORS: Record<number, (ctx: SimContext, tenantId: string, tenantName: string, clientId: string) => [number, string, string]> = {
  500011: (ctx, _id, name) => [
    400,
    "invalid_resource",
    `The resource principal named ${ctx.graphUrl} was not found in the tenant named ${name}. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You might have sent your authentication request to the wrong tenant.`,
  ],
  500014: () => [
    400,
    "invalid_request",
    `The service principal for resource '${MICROSOFT_GRAPH_APP_ID}' is disabled. This indicate that a subscription within the tenant has lapsed, or that the administrator for this tenant has disabled the application, preventing tokens from being issued for it.`,
  ],
  7000229: (_ctx, id, _name, clientId) => [
    400,
    "invalid_client",
    `The client application ${clientId} is missing service principal in the tenant ${id}. See instructions here: https://go.microsoft.com/fwlink/?linkid=2225119`,
  ],
};

/** `scope` must name a resource with /.default: this simulator's Graph or Microsoft Graph itself. */
function acceptedScope(ctx: SimContext, scope: string): boolean {
  const scopes = scope.split(" ").filter(Boolean);
  const resources = new Set([`${ctx.graphUrl}/.default`, "https://graph.microsoft.com/.default", `${MICROSOFT_GRAPH_APP_ID}/.default`]);
  return scopes.length === 1 && resources.has(scopes[0]!);
}

export async function handleToken(ctx: SimContext, req: IncomingMessage, res: ServerResponse, segment: string) {
  const form = await readForm(req);
  const tenant = resolveTenant(ctx, res, segment);
  if (!tenant) return;
  const correlationId = form.get("client-request-id") ?? (req.headers["client-request-id"] as string | undefined) ?? undefined;
  const fail = (status: number, error: string, code: number, description: string, subError?: string) =>
    sendAadError(res, ctx.authorityHost, { status, error, code, description, correlationId, subError });

  if (tenant.cloud !== "public") return fail(400, "invalid_request", 900382, "Confidential Client is not supported in Cross Cloud request.");
  if (form.get("grant_type") !== "client_credentials") {
    return fail(400, "unsupported_grant_type", 70003, "The app requested an unsupported grant type.");
  }
  const clientId = form.get("client_id") ?? "";
  const app = ctx.state.apps.get(clientId.toLowerCase());
  // A multi-tenant app signs in to another tenant through the service principal admin consent made there.
  const consent = app?.multiTenant && app.tenantId !== tenant.id ? ctx.state.consents.get(consentKey(tenant.id, app.clientId)) : undefined;
  if (!app || (app.tenantId !== tenant.id && !consent)) {
    return fail(
      400,
      "unauthorized_client",
      700016,
      `Application with identifier '${clientId}' was not found in the directory '${tenant.name}'. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You may have sent your authentication request to the wrong tenant.`,
    );
  }
  if (app.disabled || consent?.disabled) return fail(400, "unauthorized_client", 7000112, `Application '${app.clientId}'(${app.displayName}) is disabled.`);
  const assertion = form.get("client_assertion");
  const secret = form.get("client_secret");
  if (assertion) {
    if (form.get("client_assertion_type") !== JWT_BEARER) {
      return fail(400, "invalid_request", 700003, `client_assertion_type must be '${JWT_BEARER}'.`);
    }
    const tokenEndpoint = (t: string) => `${ctx.authorityHost}/${t}/oauth2/v2.0/token`;
    const checked = verifyClientAssertion({
      assertion,
      app,
      clientId,
      audiences: [tokenEndpoint(tenant.id), tokenEndpoint(segment), ...tenant.domains.map(tokenEndpoint)],
      seenJti: ctx.state.seenAssertionIds,
    });
    if (!checked.ok) return fail(checked.failure.status, checked.failure.error, checked.failure.code, checked.failure.description);
  } else if (!secret) {
    return fail(401, "invalid_client", 7000218, "The request body must contain the following parameter: 'client_assertion' or 'client_secret'.");
  }
  const match = secret ? app.secrets.find((s) => s.value === secret) : undefined;
  if (!assertion && !match) {
    return fail(
      401,
      "invalid_client",
      7000215,
      `Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '${app.clientId}'.`,
    );
  }
  if (match && Date.parse(match.expiresAt) <= Date.now()) {
    return fail(
      401,
      "invalid_client",
      7000222,
      `The provided client secret keys for app '${app.clientId}' are expired. Visit the Azure portal to create new keys for your app: https://aka.ms/NewClientSecret, or consider using certificate credentials for added security: https://aka.ms/certCreds.`,
    );
  }
  if (!acceptedScope(ctx, form.get("scope") ?? "")) {
    return fail(
      400,
      "invalid_scope",
      1002012,
      `The provided value for scope ${form.get("scope") ?? ""} is not valid. Client credential flows must have a scope value with /.default suffixed to the resource identifier (application ID URI).`,
    );
  }
  if (app.tokenErrorCode !== null) {
    const known = TOKEN_ERRORS[app.tokenErrorCode]?.(ctx, tenant.id, tenant.name, app.clientId);
    const [status, error, description] = known ?? [400, "invalid_request", "An error occurred that this simulator does not describe."];
    return fail(status, error, app.tokenErrorCode, description);
  }
  if (app.conditionalAccessBlocked) {
    return fail(400, "interaction_required", 53003, "Access has been blocked by Conditional Access policies. The access policy does not allow token issuance.", "message_only");
  }
  const now = Math.floor(Date.now() / 1000);
  const accessToken = ctx.signer.sign({
    aud: ctx.graphUrl,
    iss: `https://sts.windows.net/${tenant.id}/`,
    iat: now,
    nbf: now,
    exp: now + 3599,
    aio: randomUUID(),
    app_displayname: app.displayName,
    appid: app.clientId,
    appidacr: "1",
    idp: `https://sts.windows.net/${tenant.id}/`,
    idtyp: "app",
    oid: randomUUID(),
    ...((consent?.roles ?? app.roles).length ? { roles: [...(consent?.roles ?? app.roles)] } : {}),
    sub: randomUUID(),
    tenant_region_scope: "NA",
    tid: tenant.id,
    uti: randomUUID().replace(/-/g, "").slice(0, 22),
    ver: "1.0",
  });
  ctx.state.issuedTokens.push(accessToken);
  sendJson(res, 200, { token_type: "Bearer", expires_in: 3599, ext_expires_in: 3599, access_token: accessToken });
}
