import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import type { IncomingMessage, ServerResponse } from "node:http";
import path from "node:path";
import { generateCertificate } from "../lib/crypto/certificate";
import { clientCertificateFromPem, type ClientCertificate } from "../lib/microsoft/client-certificate";
import { REQUIRED_PERMISSION_NAMES } from "../lib/microsoft/permissions";
import { SIMULATOR_TLS_DIR } from "./certificate";
import type { SimContext } from "./context";
import { tenantByIdOrDomain, type SimTenant } from "./model";

/**
 * The vendor's multi-tenant app (the `vendor-app` method, DESIGN §9) and Microsoft's
 * admin-consent endpoint, `/{tenant}/v2.0/adminconsent`: a small sign-in-and-consent
 * page where the demo picks who signs in and accepts or cancels, then the redirect to
 * the app's redirect_uri as Microsoft makes it (`tenant`, `admin_consent`, `state`; or
 * `error`, `error_description` starting with the AADSTS code). Accepting as an
 * administrator creates the app's service principal (enterprise application) in the
 * tenant with the three application permissions granted.
 */

const DAY = 86_400_000;

export const VENDOR_HOME_TENANT = { id: "5b0c6f43-7d0e-4c55-9a41-2f8d6a1e7c90", name: "MoxiWorks", domains: ["vendor.example"] };
export const VENDOR_APP = { clientId: "9e3a6c1f-2b7d-4e58-a0c4-6d1f8b2e5a37", name: "MoxiEngage sync" };

/** The PEM (private key and certificate) the portal's MICROSOFT_VENDOR_APP_CERTIFICATE points at in the demo and tests. */
export const VENDOR_APP_CERTIFICATE_FILE = path.join(path.dirname(SIMULATOR_TLS_DIR), "vendor-app.pem");

/**
 * Makes the vendor app's certificate once and keeps it beside the simulator's TLS files,
 * because the portal and the simulator are separate processes that both need it. A local
 * key for a simulated app: it opens nothing real.
 */
export function ensureVendorAppCertificateFile(): string {
  if (existsSync(VENDOR_APP_CERTIFICATE_FILE)) {
    const current = clientCertificateFromPem(readFileSync(VENDOR_APP_CERTIFICATE_FILE, "utf8"));
    if (current.notAfter.getTime() - Date.now() > 30 * DAY) return VENDOR_APP_CERTIFICATE_FILE;
  }
  const made = generateCertificate({ product: "Simulator", brokerageName: "Vendor app" });
  mkdirSync(path.dirname(VENDOR_APP_CERTIFICATE_FILE), { recursive: true });
  writeFileSync(VENDOR_APP_CERTIFICATE_FILE, `${made.privateKeyPem.trim()}\n${made.certificatePem.trim()}\n`, { mode: 0o600 });
  chmodSync(VENDOR_APP_CERTIFICATE_FILE, 0o600);
  return VENDOR_APP_CERTIFICATE_FILE;
}

export function vendorAppCertificate(): ClientCertificate {
  return clientCertificateFromPem(readFileSync(ensureVendorAppCertificateFile(), "utf8"));
}

export type ConsentRole = "Global Administrator" | "Privileged Role Administrator" | "Application Administrator" | "User";

/** Who can sign in on the consent page; each user's tenant is the one owning its domain. Only the first two roles can grant Graph application permissions. */
export const CONSENT_USERS: ReadonlyArray<{ upn: string; role: ConsentRole }> = [
  { upn: "admin@harbor.example", role: "Global Administrator" },
  { upn: "apps@harbor.example", role: "Application Administrator" },
  { upn: "agent@harbor.example", role: "User" },
  { upn: "admin@summit.example", role: "Global Administrator" },
  { upn: "roles@summit.example", role: "Privileged Role Administrator" },
  { upn: "agent@summit.example", role: "User" },
];

const CAN_GRANT_APP_ROLES: ConsentRole[] = ["Global Administrator", "Privileged Role Administrator"];

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function sendHtml(res: ServerResponse, status: number, title: string, body: string) {
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escape(title)}</title>
<style>body{font-family:system-ui,sans-serif;max-width:36rem;margin:2rem auto;padding:0 1rem;color:#1b1b1b}fieldset{border:1px solid #8a8a8a;padding:1rem}label{display:block;margin:.5rem 0}button{font-size:1rem;padding:.5rem 1rem;margin-right:1rem}.primary{background:#0f6cbd;color:#fff;border:0}</style></head>
<body><main>${body}</main></body></html>`;
  res.writeHead(status, { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" });
  res.end(html);
}

type ConsentRequest = { tenantSegment: string; clientId: string; redirectUri: string; state: string; scope: string };

function requestOf(tenantSegment: string, params: URLSearchParams): ConsentRequest {
  return {
    tenantSegment,
    clientId: (params.get("client_id") ?? "").toLowerCase(),
    redirectUri: params.get("redirect_uri") ?? "",
    state: params.get("state") ?? "",
    scope: params.get("scope") ?? "",
  };
}

/** Problems Microsoft shows on its own page, without redirecting (an unknown app or redirect URI). */
function pageProblem(ctx: SimContext, request: ConsentRequest): string | null {
  const app = ctx.state.apps.get(request.clientId);
  if (!app || !app.multiTenant) return `AADSTS700016: Application with identifier '${request.clientId}' was not found in the directory.`;
  let uri: URL;
  try {
    uri = new URL(request.redirectUri);
  } catch {
    return "AADSTS50011: The redirect URI specified in the request does not match the redirect URIs configured for the application.";
  }
  if (!["http:", "https:"].includes(uri.protocol)) return "AADSTS50011: The redirect URI specified in the request does not match the redirect URIs configured for the application.";
  if (request.tenantSegment !== "organizations" && request.tenantSegment !== "common" && !tenantByIdOrDomain(ctx.state, request.tenantSegment)) {
    return `AADSTS90002: Tenant '${request.tenantSegment}' not found.`;
  }
  return null;
}

function usersFor(ctx: SimContext, segment: string) {
  const only: SimTenant | undefined = segment === "organizations" || segment === "common" ? undefined : tenantByIdOrDomain(ctx.state, segment);
  return CONSENT_USERS.flatMap((u) => {
    const tenant = tenantByIdOrDomain(ctx.state, u.upn.split("@")[1]!);
    return tenant && (!only || only.id === tenant.id) ? [{ ...u, tenantId: tenant.id }] : [];
  });
}

/** GET: the sign-in and consent page. */
export function handleAdminConsentPage(ctx: SimContext, res: ServerResponse, tenantSegment: string, params: URLSearchParams) {
  const request = requestOf(tenantSegment, params);
  const problem = pageProblem(ctx, request);
  if (problem) return sendHtml(res, 400, "Sign in to your account", `<h1>Sorry, but we're having trouble signing you in.</h1><p>${escape(problem)}</p>`);
  const app = ctx.state.apps.get(request.clientId)!;
  const users = usersFor(ctx, tenantSegment);
  const hidden = (name: string, value: string) => `<input type="hidden" name="${name}" value="${escape(value)}">`;
  sendHtml(
    res,
    200,
    "Permissions requested",
    `<h1>Permissions requested</h1>
<p><strong>${escape(app.displayName)}</strong> wants to, for your whole organization:</p>
<ul><li>Read and write calendars in all mailboxes (Calendars.ReadWrite)</li><li>Read and write contacts in all mailboxes (Contacts.ReadWrite)</li><li>Send mail as any user (Mail.Send)</li></ul>
<form method="post">
${hidden("client_id", request.clientId)}${hidden("redirect_uri", request.redirectUri)}${hidden("state", request.state)}${hidden("scope", request.scope)}
<fieldset><legend>Sign in as (simulator)</legend>
${users.map((u, i) => `<label><input type="radio" name="login_hint" value="${escape(u.upn)}"${i === 0 ? " checked" : ""}> ${escape(u.upn)} (${escape(u.role)})</label>`).join("\n")}
</fieldset>
<p>Accepting grants these permissions for every user in the organization.</p>
<button class="primary" type="submit" name="decision" value="accept">Accept</button><button type="submit" name="decision" value="cancel">Cancel</button>
</form>`,
  );
}

async function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return new URLSearchParams(Buffer.concat(chunks).toString("utf8"));
}

/** POST: the decision, answered with Microsoft's redirect. */
export async function handleAdminConsentDecision(ctx: SimContext, req: IncomingMessage, res: ServerResponse, tenantSegment: string) {
  const form = await readForm(req);
  const request = requestOf(tenantSegment, form);
  const problem = pageProblem(ctx, request);
  if (problem) return sendHtml(res, 400, "Sign in to your account", `<h1>Sorry, but we're having trouble signing you in.</h1><p>${escape(problem)}</p>`);
  const user = usersFor(ctx, tenantSegment).find((u) => u.upn === form.get("login_hint"));
  const target = new URL(request.redirectUri);
  const redirect = (params: Record<string, string>) => {
    for (const [k, v] of Object.entries(params)) target.searchParams.set(k, v);
    res.writeHead(302, { location: target.toString(), "cache-control": "no-store" });
    res.end();
  };
  if (form.get("decision") !== "accept" || !user) {
    return redirect({ error: "access_denied", error_subcode: "cancel", error_description: "AADSTS65004: User declined to consent to access the app.", state: request.state });
  }
  if (!CAN_GRANT_APP_ROLES.includes(user.role)) {
    return redirect({
      error: "access_denied",
      error_description: `AADSTS90094: The grant requires admin permission. ${user.upn} cannot grant application permissions for Microsoft Graph.`,
      state: request.state,
    });
  }
  grantAdminConsent(ctx, user.tenantId, request.clientId, user.upn);
  redirect({ tenant: user.tenantId, admin_consent: "True", scope: "https://graph.microsoft.com/.default", state: request.state });
}

/** The service principal of a multi-tenant app in a customer tenant, with the application permissions granted. */
export function grantAdminConsent(ctx: Pick<SimContext, "state">, tenantId: string, clientId: string, grantedBy: string) {
  ctx.state.consents.set(consentKey(tenantId, clientId), { roles: [...REQUIRED_PERMISSION_NAMES], grantedBy, grantedAt: Date.now(), disabled: false });
}

export const consentKey = (tenantId: string, clientId: string) => `${tenantId.toLowerCase()}|${clientId.toLowerCase()}`;

