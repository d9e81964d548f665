import type { ClientCertificate } from "../lib/microsoft/client-certificate";
import { REQUIRED_PERMISSION_NAMES } from "../lib/microsoft/permissions";
import type { AccessScope, CheckId, CheckStatus, Outcome, Reason } from "../lib/verification/types";
import { keyCredentialOf, scenarioCertificates } from "./certificates";
import type { SimState } from "./model";
import { grantAdminConsent, VENDOR_APP, vendorAppCertificate } from "./vendor-app";

/**
 * The simulator's seeded scenarios: the values to type into the form (or pass to
 * `verify`) to produce each outcome and reason of DESIGN §4. Listed in
 * docs/simulator.md and printed by `npm run sim` and `npm run demo`.
 *
 * Secrets here are fake values for a local simulator; they open nothing.
 */

export const TENANTS = {
  harbor: { id: "72218fdc-44df-46ff-a854-14242f733b05", name: "Harbor Realty", domains: ["harbor.example", "harborrealty.onmicrosoft.com"] },
  summit: { id: "f637a468-5d38-4e06-8363-e5d900ed6b02", name: "Summit Homes", domains: ["summit.example"] },
  liberty: { id: "8c0d0033-fc23-45a9-b8fd-d20854348156", name: "Liberty Federal Realty", domains: ["libertyfed.example"] },
  coastal: { id: "f735efe6-08d1-4011-be94-0bb452d31e1b", name: "Coastal Properties", domains: ["coastal.example"] },
  /** Entra ID without Exchange Online: Graph knows no organisation for its mailboxes. */
  lakeside: { id: "02d6eb29-8ef2-4ad0-9b74-a92786517f65", name: "Lakeside Lofts", domains: ["lakeside.example"] },
} as const;

/** A well-formed tenant id that no tenant has. */
export const UNKNOWN_TENANT_ID = "5b491561-37c6-4e98-8f3e-885ee1e437b7";
/** A well-formed client id that no app registration has. */
export const UNKNOWN_CLIENT_ID = "79cb9e86-830c-41c2-8dcc-69292f45e678";

export type AppSeed = { clientId: string; name: string; secret: string; secretId: string };

export const APPS = {
  sync: { clientId: "61b2480c-55d8-4e8d-8046-0d692ed65411", name: "MoxiEngage Sync", secret: "ujz0Q~jmUh-Bel31iEl2hpChYgCfrL1spNxnyVmi", secretId: "80b5244a-4767-41fa-b982-3eb21579da0a" },
  broad: { clientId: "81365acc-3f88-4f59-b373-6dcca7f0c99e", name: "CRM Sync (broad)", secret: "KdN3Q~_2O76UMFxFkM_R5Kjp~1vRt.1fjORS_6il", secretId: "43a08f06-1742-4e94-8144-702bc6b789ef" },
  unconsented: { clientId: "66465d28-24d4-489c-96fa-1421d129d067", name: "CRM Sync (no consent)", secret: "rES1Q~hN5KXSc7Tvo_hBKqFYY_kv5ZJr3J1TWDtk", secretId: "05c22d3f-64db-48d3-8aaa-af81963892a7" },
  noMailSend: { clientId: "3b996870-a132-4b9d-8de2-f8ad4cb59aa7", name: "CRM Sync (no Mail.Send)", secret: "ljo3Q~b.xHKas1VOq~g6YYZYn9ZhyiA4uoRgnatm", secretId: "8778f742-f527-45c2-95e8-c93e15a0a8ae" },
  expired: { clientId: "a854c834-27be-4ab1-8023-6e49da6e6d8e", name: "CRM Sync (old secret)", secret: "xNb1Q~AWtGSU8po.799NksnRH9ucAUsdMlHUvTC-", secretId: "e10c167d-c8b6-4aff-b74b-589be48e9e02" },
  disabled: { clientId: "537d9128-c3a9-4889-a3b7-59f598b81c66", name: "CRM Sync (disabled)", secret: "vOo9Q~yEZDz_TddJ8HyS5SUkCnD8zRA9a9SkpXz9", secretId: "26433798-7e83-4904-bc17-3498b87e4e2b" },
  blocked: { clientId: "a4aa07b4-9e63-47d4-b962-45d348bfcbcf", name: "CRM Sync (conditional access)", secret: "lBY5Q~lY7Zkuvqdt7s8Stqcbnr3yBdGBL-EPH1qh", secretId: "d5d5891f-d329-465c-8b35-b1de250e7b34" },
  scoped: { clientId: "a098d691-8352-4c85-a456-559cb70af5f2", name: "CRM Sync (access policy)", secret: "VwD9Q~1-qt~c4xatws8phP9nhFyJfm-5di4P-~zJ", secretId: "cfed943b-b378-4a7c-bbdd-bb9b6de2fb1f" },
  broken: { clientId: "8614f504-e8ee-45a1-a3a9-a9da816b2332", name: "CRM Sync (unrecognised answer)", secret: "CGI7Q~-FHz5r1pY4OjE2jBMptUsGr7CmY.uCu3~Z", secretId: "d5be785a-9187-4f42-811e-7616c0bbe6ed" },
  noEnterpriseApp: { clientId: "adcbe822-6a13-4d08-a245-88ec06665b9e", name: "CRM Sync (no enterprise app)", secret: "ErQ8Q~SsWbV9J6Das4VuRAhzj-RZlch-Cl24o2rO", secretId: "d3f874c8-e06a-4c40-8d4e-b09270d66163" },
  lapsed: { clientId: "1caa95aa-6716-4fc8-a668-b387b8399907", name: "CRM Sync (subscription lapsed)", secret: "NJk0Q~v~kZ189XdkyHTUXNoGEQUV-~wdW3edC2fX", secretId: "cd098def-48c9-4e02-a28a-a74c1a7f4055" },
  lakeside: { clientId: "faae5b76-df3e-49f3-b802-26bcb7d3eb05", name: "Lakeside CRM Sync", secret: "nXM1Q~CwjJe3J_Sg-6VARK689Ev7UxyCaIRwEb~f", secretId: "559aa758-e1df-4649-a086-c3431c336248" },
  liberty: { clientId: "d38f8c45-041d-4d94-8dff-5a1cd01a914c", name: "Liberty CRM Sync", secret: "vAm5Q~OlUcR64cXQL~ioDnkHIfxIq2HZt~_PlJhx", secretId: "db5b5fab-8f4d-4e27-9da1-494c73cf256d" },
  coastal: { clientId: "73ab4876-7734-47c1-87fd-e805ec99108d", name: "Coastal CRM Sync", secret: "Ber0Q~lHkCiHp6bR1IqfEouHgxzNNAL5-wIScGeb", secretId: "309d6b79-965e-4a32-9ae4-45508201e2bd" },
  /** Exchange RBAC for Applications on the agents' scope, tenant-wide Graph consent removed. */
  rbac: { clientId: "eb4d54a6-2bed-4248-b2fc-a161cab154e9", name: "CRM Sync (agents only)", secret: "Tcq5Q~yuhqw~Txpq78sfXYGGB6H6ryUHB~MvKYHy", secretId: "9f73c61b-4fb8-4966-8f0f-fd697faa8293" },
  /** The same RBAC assignments, but the tenant-wide Graph consent is still there. */
  rbacConsented: { clientId: "14b96bc8-cfa5-4558-8c11-db16042ad923", name: "CRM Sync (agents scope, consent kept)", secret: "egR7Q~a90FMdefMMj76Qf1P9j~.MoREVsRqcFwQQ", secretId: "5d14ff03-9690-4b0b-b97c-e068885943aa" },
  /** Registered in Exchange, Graph consent removed, but no role assignment made. */
  rbacUnassigned: { clientId: "17a8b0ee-503f-4e3c-85d9-b45be124e1fb", name: "CRM Sync (no role assignment)", secret: "oIe8Q~qzR9EihaHoQrudKTHWmC7zoHih6xvd3zwi", secretId: "7c9c529a-966c-4114-a931-1a19785be9d9" },
  /** Signs in with a certificate (the `certificate` method); its secret is there but unused. */
  certificate: { clientId: "c3f1e7a2-5b8d-4e0f-9a61-2d4b7c8e9f10", name: "CRM Sync (certificate)", secret: "Crt4Q~p2Lx8vNq5Rz0Wm7Ys3Tb6Hd9Kf1Jg4Ua2E", secretId: "0e6a9b3c-7d21-4f58-8c4e-5a1b2c3d4e5f" },
  certificateExpired: { clientId: "d7a2c9e4-1f6b-4a83-b5d0-8e3f2a1c6b97", name: "CRM Sync (expired certificate)", secret: "Crt7Q~h5Nc2wQe8Tr1Yu4Io7Pa0Sd3Fg6Hj9Kl2Z", secretId: "6b2c8d4e-3a15-4e79-9f0a-1b2c3d4e5f60" },
} as const satisfies Record<string, AppSeed>;

/** A secret value that belongs to no app (the right shape, the wrong value). */
export const WRONG_SECRET = "bUG8Q~y~8F5n3_Y-NBDRzrZSgqbjG3uhkW-KFLf6";

export const MAILBOXES = {
  agent: "agent@harbor.example",
  frontDesk: "frontdesk@harbor.example",
  newHire: "new.hire@harbor.example",
  onPremises: "legacy@harbor.example",
  listings: "listings@harbor.example",
  busy: "busy@harbor.example",
  noSend: "no-send@harbor.example",
  nobody: "nobody@harbor.example",
  summitAgent: "agent@summit.example",
  liberty: "agent@libertyfed.example",
  coastal: "agent@coastal.example",
  lakeside: "agent@lakeside.example",
} as const;

/** The mail-enabled security group of Harbor's agents, and the management scope over its members. */
export const AGENTS_GROUP = { address: "agents@harbor.example", displayName: "Harbor agents", scope: "Harbor agents scope" } as const;

/** The Exchange application roles the sync needs (RBAC for Applications). */
export const SYNC_APPLICATION_ROLES = ["Application Calendars.ReadWrite", "Application Contacts.ReadWrite", "Application Mail.Send"] as const;

/** The enterprise application (service principal) object id of each RBAC app. */
export const SERVICE_PRINCIPAL_OBJECT_IDS: Record<string, string> = {
  [APPS.rbac.clientId]: "84a6844e-3b82-4547-a066-76c38decb12a",
  [APPS.rbacConsented.clientId]: "215ba873-479a-4ffb-8bc3-3462358b3257",
  [APPS.rbacUnassigned.clientId]: "f560be41-ece4-4d76-a905-f45796069e1e",
};

/** The three role assignments of an app on the agents' scope, as New-ManagementRoleAssignment names them. */
export const agentRoleAssignments = (a: AppSeed) =>
  SYNC_APPLICATION_ROLES.map((role) => ({ name: `${a.name} ${role.replace("Application ", "")}`, appId: a.clientId, role, scope: AGENTS_GROUP.scope }));

export const DAY = 86_400_000;
/** A YYYY-MM-DD date `days` from today (UTC). */
export const daysFromToday = (days: number, now = new Date()) => new Date(now.getTime() + days * DAY).toISOString().slice(0, 10);

export type ScenarioValues = {
  tenantId: string;
  clientId: string;
  clientSecret: string;
  testMailbox: string;
  /** Relative to the day the module is loaded. */
  secretExpiresOn?: string;
  accessScope?: AccessScope;
  outsideMailbox?: string;
  /** The `certificate` method: the key and certificate the run signs with (clientSecret is then empty). */
  clientCertificate?: ClientCertificate;
  /** The `vendor-app` method: clientCertificate is the vendor's multi-tenant app's. */
  vendorApp?: boolean;
};

/** Values for the vendor-app method in a tenant; the vendor certificate is read on first use. */
function withVendorApp(tenantId: string, testMailbox: string): ScenarioValues {
  const values: ScenarioValues = { tenantId, clientId: VENDOR_APP.clientId, clientSecret: "", testMailbox, vendorApp: true };
  return Object.defineProperty(values, "clientCertificate", { get: () => vendorAppCertificate(), enumerable: true }) as ScenarioValues;
}

type ScenarioCertificate = keyof ReturnType<typeof scenarioCertificates>;

/** Values for the certificate method; the certificate is made on first read, not when this module loads. */
function withCertificate(a: AppSeed, which: ScenarioCertificate): ScenarioValues {
  const values: ScenarioValues = { ...good({ clientId: a.clientId, clientSecret: "" }), secretExpiresOn: undefined };
  delete values.secretExpiresOn;
  return Object.defineProperty(values, "clientCertificate", { get: () => scenarioCertificates()[which], enumerable: true }) as ScenarioValues;
}

export type Scenario = {
  key: string;
  title: string;
  values: ScenarioValues;
  /** The check that shows the scenario, and the run's outcome. */
  expected: { outcome: Outcome; check: CheckId; status: CheckStatus; reason?: Reason };
  /** What `POST /_sim/scenarios/{key}/fix` changes so the same values verify. */
  fix?: { description: string; apply: (state: SimState) => void };
};

const good = (overrides: Partial<ScenarioValues> = {}): ScenarioValues => ({
  tenantId: TENANTS.harbor.id,
  clientId: APPS.sync.clientId,
  clientSecret: APPS.sync.secret,
  testMailbox: MAILBOXES.agent,
  secretExpiresOn: daysFromToday(365),
  ...overrides,
});

const withApp = (app: AppSeed, overrides: Partial<ScenarioValues> = {}) =>
  good({ clientId: app.clientId, clientSecret: app.secret, ...overrides });

const app = (state: SimState, a: AppSeed) => state.apps.get(a.clientId)!;
const mailbox = (state: SimState, address: string) => state.mailboxes.get(address)!;

export const SCENARIOS = [
  {
    key: "good",
    title: "Everything set up correctly",
    values: good(),
    expected: { outcome: "verified", check: "mail.send", status: "pass" },
  },
  {
    key: "excess-permissions",
    title: "More permissions than needed",
    values: withApp(APPS.broad),
    expected: { outcome: "verified", check: "permissions", status: "warn", reason: "permission-excess" },
    fix: { description: "Remove the extra permissions", apply: (s) => void (app(s, APPS.broad).roles = [...REQUIRED_PERMISSION_NAMES]) },
  },
  {
    key: "secret-id-pasted",
    title: "Secret ID pasted instead of the secret value",
    values: good({ clientSecret: APPS.sync.secretId }),
    expected: { outcome: "failed", check: "token", status: "fail", reason: "secret-is-secret-id" },
  },
  {
    key: "wrong-secret",
    title: "Secret value mistyped",
    values: good({ clientSecret: WRONG_SECRET }),
    expected: { outcome: "failed", check: "token", status: "fail", reason: "secret-invalid" },
  },
  {
    key: "expired-secret",
    title: "Secret expired in Microsoft Entra",
    values: withApp(APPS.expired),
    expected: { outcome: "failed", check: "token", status: "fail", reason: "secret-expired" },
    fix: {
      description: "Extend the secret's expiry by a year",
      apply: (s) => void (app(s, APPS.expired).secrets[0]!.expiresAt = new Date(Date.now() + 365 * DAY).toISOString()),
    },
  },
  {
    key: "consent-missing",
    title: "Admin consent not granted",
    values: withApp(APPS.unconsented),
    expected: { outcome: "failed", check: "permissions", status: "fail", reason: "consent-missing" },
    fix: { description: "Grant admin consent", apply: (s) => void (app(s, APPS.unconsented).roles = [...REQUIRED_PERMISSION_NAMES]) },
  },
  {
    key: "permission-missing",
    title: "Mail.Send permission missing",
    values: withApp(APPS.noMailSend),
    expected: { outcome: "failed", check: "permissions", status: "fail", reason: "permission-missing" },
    fix: { description: "Add Mail.Send and grant consent", apply: (s) => void (app(s, APPS.noMailSend).roles = [...REQUIRED_PERMISSION_NAMES]) },
  },
  {
    key: "unknown-tenant",
    title: "Tenant ID that belongs to no tenant",
    values: good({ tenantId: UNKNOWN_TENANT_ID }),
    expected: { outcome: "failed", check: "tenant", status: "fail", reason: "tenant-not-found" },
  },
  {
    key: "government-cloud",
    title: "Tenant in Microsoft 365 for US Government",
    values: good({ tenantId: TENANTS.liberty.id, clientId: APPS.liberty.clientId, clientSecret: APPS.liberty.secret, testMailbox: MAILBOXES.liberty }),
    expected: { outcome: "failed", check: "tenant", status: "fail", reason: "tenant-other-cloud" },
  },
  {
    key: "mailbox-other-tenant",
    title: "Test mailbox in another organisation",
    values: good({ testMailbox: MAILBOXES.summitAgent }),
    expected: { outcome: "failed", check: "tenant", status: "fail", reason: "mailbox-domain-other-tenant" },
  },
  {
    key: "unknown-app",
    title: "Client ID that belongs to no app (e.g. the Object ID)",
    values: good({ clientId: UNKNOWN_CLIENT_ID }),
    expected: { outcome: "failed", check: "token", status: "fail", reason: "app-not-found" },
  },
  {
    key: "disabled-app",
    title: "App registration disabled",
    values: withApp(APPS.disabled),
    expected: { outcome: "failed", check: "token", status: "fail", reason: "app-disabled" },
    fix: { description: "Enable the app", apply: (s) => void (app(s, APPS.disabled).disabled = false) },
  },
  {
    key: "service-principal-missing",
    title: "App registration without an enterprise application",
    values: withApp(APPS.noEnterpriseApp),
    expected: { outcome: "failed", check: "token", status: "fail", reason: "service-principal-missing" },
    fix: { description: "Create the enterprise application", apply: (s) => void (app(s, APPS.noEnterpriseApp).tokenErrorCode = null) },
  },
  {
    key: "tenant-inactive",
    title: "Tenant whose subscription lapsed (Microsoft Graph disabled there)",
    values: withApp(APPS.lapsed),
    expected: { outcome: "failed", check: "token", status: "fail", reason: "tenant-inactive" },
    fix: { description: "Renew the subscription", apply: (s) => void (app(s, APPS.lapsed).tokenErrorCode = null) },
  },
  {
    key: "exchange-not-provisioned",
    title: "Tenant without Exchange Online",
    values: good({ tenantId: TENANTS.lakeside.id, clientId: APPS.lakeside.clientId, clientSecret: APPS.lakeside.secret, testMailbox: MAILBOXES.lakeside }),
    expected: { outcome: "failed", check: "calendar.read", status: "fail", reason: "exchange-not-provisioned" },
    fix: { description: "Add Exchange Online to the tenant", apply: (s) => void (s.tenants.get(TENANTS.lakeside.id)!.noExchange = false) },
  },
  {
    key: "conditional-access",
    title: "Conditional Access blocks the app",
    values: withApp(APPS.blocked),
    expected: { outcome: "failed", check: "token", status: "fail", reason: "conditional-access-blocked" },
    fix: { description: "Exclude the app from the policy", apply: (s) => void (app(s, APPS.blocked).conditionalAccessBlocked = false) },
  },
  {
    key: "unknown-mailbox",
    title: "Test mailbox that does not exist",
    values: good({ testMailbox: MAILBOXES.nobody }),
    expected: { outcome: "failed", check: "calendar.read", status: "fail", reason: "mailbox-not-found" },
  },
  {
    key: "unlicensed-mailbox",
    title: "Test mailbox without an Exchange Online licence",
    values: good({ testMailbox: MAILBOXES.newHire }),
    expected: { outcome: "failed", check: "calendar.read", status: "fail", reason: "mailbox-not-enabled" },
    fix: { description: "License the mailbox", apply: (s) => void (mailbox(s, MAILBOXES.newHire).state = "active") },
  },
  {
    key: "on-premises-mailbox",
    title: "Test mailbox hosted on an on-premises Exchange server",
    values: good({ testMailbox: MAILBOXES.onPremises }),
    expected: { outcome: "failed", check: "calendar.read", status: "fail", reason: "mailbox-not-enabled" },
    fix: { description: "Move the mailbox to Exchange Online", apply: (s) => void (mailbox(s, MAILBOXES.onPremises).state = "active") },
  },
  {
    key: "access-policy",
    title: "Application access policy leaves out the test mailbox",
    values: withApp(APPS.scoped, { testMailbox: MAILBOXES.frontDesk }),
    expected: { outcome: "failed", check: "calendar.read", status: "fail", reason: "access-policy-denied" },
    fix: { description: "Add the mailbox to the policy", apply: (s) => void app(s, APPS.scoped).accessPolicyMailboxes?.push(MAILBOXES.frontDesk) },
  },
  {
    key: "send-denied",
    title: "Test mailbox not allowed to send",
    values: good({ testMailbox: MAILBOXES.noSend }),
    expected: { outcome: "failed", check: "mail.send", status: "fail", reason: "access-denied" },
    fix: { description: "Allow the mailbox to send", apply: (s) => void (mailbox(s, MAILBOXES.noSend).sendBlocked = false) },
  },
  {
    key: "cleanup-fails",
    title: "Test items cannot be deleted",
    values: good({ testMailbox: MAILBOXES.listings }),
    expected: { outcome: "verified", check: "calendar.write", status: "warn", reason: "cleanup-failed" },
    fix: { description: "Let items be deleted again", apply: (s) => void (mailbox(s, MAILBOXES.listings).failDeletes = false) },
  },
  {
    key: "secret-expiring-soon",
    title: "Secret expires within 30 days",
    values: good({ secretExpiresOn: daysFromToday(10) }),
    expected: { outcome: "verified", check: "secret.expiry", status: "warn", reason: "secret-expiring-soon" },
  },
  {
    key: "secret-expiry-past",
    title: "Expiry date in the past",
    values: good({ secretExpiresOn: daysFromToday(-3) }),
    expected: { outcome: "failed", check: "secret.expiry", status: "fail", reason: "secret-expiry-past" },
  },
  {
    key: "secret-expiry-too-far",
    title: "Expiry date beyond 24 months (a typo?)",
    values: good({ secretExpiresOn: daysFromToday(365 * 5) }),
    expected: { outcome: "verified", check: "secret.expiry", status: "warn", reason: "secret-expiry-too-far" },
  },
  {
    key: "throttled",
    title: "Microsoft throttles the mailbox",
    values: good({ testMailbox: MAILBOXES.busy }),
    expected: { outcome: "inconclusive", check: "calendar.read", status: "error", reason: "throttled" },
    fix: { description: "Stop throttling", apply: (s) => void (mailbox(s, MAILBOXES.busy).throttled = false) },
  },
  {
    key: "microsoft-unavailable",
    title: "Microsoft sign-in unavailable",
    values: good({ tenantId: TENANTS.coastal.id, clientId: APPS.coastal.clientId, clientSecret: APPS.coastal.secret, testMailbox: MAILBOXES.coastal }),
    expected: { outcome: "inconclusive", check: "token", status: "error", reason: "microsoft-unavailable" },
    fix: { description: "End the outage", apply: (s) => void (s.tenants.get(TENANTS.coastal.id)!.outage = false) },
  },
  {
    key: "unexpected",
    title: "An answer the portal does not recognise",
    values: withApp(APPS.broken),
    expected: { outcome: "inconclusive", check: "token", status: "error", reason: "unexpected" },
    fix: { description: "Answer with a token", apply: (s) => void (app(s, APPS.broken).tokenErrorCode = null) },
  },
  {
    key: "rbac-in-scope",
    title: "Limited to the agents' group with RBAC for Applications (no Graph roles)",
    values: withApp(APPS.rbac, { accessScope: "exchange-rbac" }),
    expected: { outcome: "verified", check: "permissions", status: "pass" },
  },
  {
    key: "rbac-outside-refused",
    title: "Limited to the agents: a mailbox outside the group is refused",
    values: withApp(APPS.rbac, { accessScope: "exchange-rbac", outsideMailbox: MAILBOXES.frontDesk }),
    expected: { outcome: "verified", check: "scope.outside", status: "pass" },
  },
  {
    key: "rbac-outside-readable",
    title: "Limited to the agents, but the tenant-wide consent still opens every mailbox",
    values: withApp(APPS.rbacConsented, { accessScope: "exchange-rbac", outsideMailbox: MAILBOXES.frontDesk }),
    expected: { outcome: "verified", check: "scope.outside", status: "warn", reason: "scope-not-enforced" },
    fix: { description: "Remove the tenant-wide Graph consent", apply: (s) => void (app(s, APPS.rbacConsented).roles = []) },
  },
  {
    key: "rbac-roles-present",
    title: "RBAC for Applications chosen, Graph roles still in the token",
    values: withApp(APPS.rbacConsented, { accessScope: "exchange-rbac" }),
    expected: { outcome: "verified", check: "permissions", status: "warn", reason: "scope-not-enforced" },
    fix: { description: "Remove the tenant-wide Graph consent", apply: (s) => void (app(s, APPS.rbacConsented).roles = []) },
  },
  {
    key: "rbac-assignment-missing",
    title: "Graph consent removed, but no RBAC role assignment",
    values: withApp(APPS.rbacUnassigned, { accessScope: "exchange-rbac" }),
    expected: { outcome: "failed", check: "permissions", status: "fail", reason: "consent-missing" },
    fix: {
      description: "Assign the three application roles on the agents' scope",
      apply: (s) => void s.exchange.assignments.push(...agentRoleAssignments(APPS.rbacUnassigned).map((a) => ({ ...a, createdAt: Date.now() }))),
    },
  },
  {
    key: "rbac-mailbox-outside-scope",
    title: "Limited to the agents, test mailbox outside the group",
    values: withApp(APPS.rbac, { accessScope: "exchange-rbac", testMailbox: MAILBOXES.frontDesk }),
    expected: { outcome: "failed", check: "permissions", status: "fail", reason: "access-policy-denied" },
    fix: { description: "Add the mailbox to the agents' group", apply: (s) => void s.exchange.groups.get(AGENTS_GROUP.address)!.members.push(MAILBOXES.frontDesk) },
  },
  {
    key: "certificate-good",
    title: "Certificate method: the certificate is uploaded to the app",
    values: withCertificate(APPS.certificate, "uploaded"),
    expected: { outcome: "verified", check: "token", status: "pass" },
  },
  {
    key: "certificate-not-uploaded",
    title: "Certificate method: this certificate was never uploaded",
    values: withCertificate(APPS.certificate, "notUploaded"),
    expected: { outcome: "failed", check: "token", status: "fail", reason: "certificate-not-uploaded" },
    fix: {
      description: "Upload the certificate",
      apply: (s) => void app(s, APPS.certificate).keyCredentials.push(keyCredentialOf(scenarioCertificates().notUploaded.certificatePem)),
    },
  },
  {
    key: "certificate-expired",
    title: "Certificate method: the uploaded certificate has expired",
    values: withCertificate(APPS.certificateExpired, "expired"),
    expected: { outcome: "failed", check: "token", status: "fail", reason: "certificate-expired" },
  },
  {
    key: "vendor-app-not-consented",
    title: "Connect with Microsoft: the tenant never granted (or removed) admin consent",
    values: withVendorApp(TENANTS.summit.id, MAILBOXES.summitAgent),
    expected: { outcome: "failed", check: "token", status: "fail", reason: "vendor-app-not-consented" },
    fix: { description: "Grant admin consent to the vendor app in the tenant", apply: (s) => grantAdminConsent({ state: s }, TENANTS.summit.id, VENDOR_APP.clientId, "scenario fix") },
  },
  {
    key: "vendor-app-disabled",
    title: "Connect with Microsoft: the enterprise application was disabled",
    values: withVendorApp(TENANTS.lakeside.id, MAILBOXES.lakeside),
    expected: { outcome: "failed", check: "token", status: "fail", reason: "vendor-app-disabled" },
  },
  {
    key: "invalid-input",
    title: "Tenant ID with a character missing",
    values: good({ tenantId: TENANTS.harbor.id.slice(0, -1) }),
    expected: { outcome: "failed", check: "input", status: "fail", reason: "invalid-input" },
  },
] as const satisfies readonly Scenario[];

export type ScenarioKey = (typeof SCENARIOS)[number]["key"];

export function scenario(key: ScenarioKey): Scenario {
  return SCENARIOS.find((s) => s.key === key)!;
}
