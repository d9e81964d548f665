import { randomBytes, randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { ROUTES, stateFromSeed, type FaultSpec, type MailboxState, type RequestLogEntry, type SimApp, type SimKeyCredential, type SimMailbox, type SimState } from "./model";
import { keyCredentialOf } from "./certificates";
import { SCENARIOS, type ScenarioValues } from "./scenarios";
import { scenarioSeed } from "./seed";
import { sendJson } from "./responses";
import { APPLICATION_ROLES } from "./exchange-rbac";
import { consentKey, grantAdminConsent } from "./vendor-app";
import { seedAgents, type AgentSeedSpec } from "./agents";

/**
 * Changes to the simulated world at run time, in process (`control`) or over HTTP
 * under /_sim (docs/simulator.md): grant consent, fix a mailbox, revoke a secret,
 * inject latency, throttling, outages and hanging requests, read the request log.
 */

export type AppPatch = Partial<Pick<SimApp, "roles" | "disabled" | "conditionalAccessBlocked" | "accessPolicyMailboxes" | "tokenErrorCode">>;
export type MailboxPatch = Partial<Pick<SimMailbox, "state" | "failDeletes" | "throttled" | "sendBlocked">>;

export class SimulatorError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

const MAILBOX_STATES: MailboxState[] = ["active", "unlicensed", "inactive", "soft-deleted", "on-premises"];

export class SimulatorControl {
  constructor(private readonly holder: { state: SimState }) {}

  private get state() {
    return this.holder.state;
  }

  /** Back to the seeded scenarios: apps, mailboxes, faults, latency 0, empty log. */
  reset(latencyMs = 0) {
    this.holder.state = stateFromSeed(scenarioSeed(), latencyMs);
  }

  scenarios() {
    return SCENARIOS.map((s) => ({ key: s.key, title: s.title, values: publicValues(s.values), expected: s.expected, fix: "fix" in s ? s.fix.description : null }));
  }

  /** Applies the scenario's fix so that the same values verify. */
  fixScenario(key: string) {
    const found = SCENARIOS.find((s) => s.key === key);
    if (!found) throw new SimulatorError(404, `No scenario named ${key}`);
    if (!("fix" in found)) throw new SimulatorError(409, `Scenario ${key} is fixed by typing different values, not by changing the tenant`);
    found.fix.apply(this.state);
  }

  private app(clientId: string): SimApp {
    const app = this.state.apps.get(clientId.toLowerCase());
    if (!app) throw new SimulatorError(404, `No app with client id ${clientId}`);
    return app;
  }

  private mailboxOf(address: string): SimMailbox {
    const mailbox = this.state.mailboxes.get(address.toLowerCase());
    if (!mailbox) throw new SimulatorError(404, `No mailbox ${address}`);
    return mailbox;
  }

  updateApp(clientId: string, patch: AppPatch) {
    const app = this.app(clientId);
    if (patch.roles !== undefined) {
      if (!Array.isArray(patch.roles) || !patch.roles.every((r) => typeof r === "string")) throw new SimulatorError(400, "roles must be a list of names");
      app.roles = [...patch.roles];
    }
    if (patch.disabled !== undefined) app.disabled = Boolean(patch.disabled);
    if (patch.conditionalAccessBlocked !== undefined) app.conditionalAccessBlocked = Boolean(patch.conditionalAccessBlocked);
    if (patch.accessPolicyMailboxes !== undefined) app.accessPolicyMailboxes = patch.accessPolicyMailboxes?.map((m) => m.toLowerCase()) ?? null;
    if (patch.tokenErrorCode !== undefined) app.tokenErrorCode = patch.tokenErrorCode;
    return structuredClone(app);
  }

  /** A new client secret (40 characters, like the Entra admin center's). */
  addSecret(clientId: string, options: { expiresAt?: string; value?: string } = {}) {
    const app = this.app(clientId);
    const value = options.value ?? `Sim${randomBytes(1)[0]! % 10}Q~${randomBytes(26).toString("base64url").slice(0, 34)}`;
    const secret = {
      keyId: randomUUID(),
      value,
      displayName: "added by the control API",
      expiresAt: options.expiresAt ?? new Date(Date.now() + 180 * 86_400_000).toISOString(),
    };
    app.secrets.push(secret);
    return { ...secret };
  }

  /**
   * Uploads a certificate to the app, as Certificates & secrets → Certificates → Upload
   * certificate (or `az ad app credential reset --cert … --append`) does. Takes PEM or
   * base64 DER; only the public certificate, never a key.
   */
  uploadCertificate(clientId: string, options: { certificate?: unknown; displayName?: unknown }) {
    const app = this.app(clientId);
    const text = typeof options.certificate === "string" ? options.certificate.trim() : "";
    if (!text) throw new SimulatorError(400, "certificate must be a PEM certificate or base64 DER");
    if (/PRIVATE KEY/.test(text)) throw new SimulatorError(400, "Upload only the public certificate (.cer or .pem), never a private key");
    let credential;
    try {
      credential = keyCredentialOf(text.startsWith("-----") ? text : Buffer.from(text, "base64"), typeof options.displayName === "string" ? options.displayName : undefined);
    } catch {
      throw new SimulatorError(400, "certificate could not be read as X.509");
    }
    if (app.keyCredentials.some((k) => k.thumbprintSha256 === credential.thumbprintSha256)) {
      throw new SimulatorError(409, "This certificate is already uploaded to the app");
    }
    app.keyCredentials.push(credential);
    return keyCredentialView(credential);
  }

  certificates(clientId: string) {
    return this.app(clientId).keyCredentials.map(keyCredentialView);
  }

  removeCertificate(clientId: string, keyId: string) {
    const app = this.app(clientId);
    const before = app.keyCredentials.length;
    app.keyCredentials = app.keyCredentials.filter((k) => k.keyId !== keyId.toLowerCase());
    if (app.keyCredentials.length === before) throw new SimulatorError(404, `App ${clientId} has no certificate ${keyId}`);
  }

  revokeSecret(clientId: string, keyId: string) {
    const app = this.app(clientId);
    const before = app.secrets.length;
    app.secrets = app.secrets.filter((s) => s.keyId !== keyId.toLowerCase());
    if (app.secrets.length === before) throw new SimulatorError(404, `App ${clientId} has no secret ${keyId}`);
  }

  updateMailbox(address: string, patch: MailboxPatch) {
    const mailbox = this.mailboxOf(address);
    if (patch.state !== undefined) {
      if (!MAILBOX_STATES.includes(patch.state)) throw new SimulatorError(400, `state must be one of ${MAILBOX_STATES.join(", ")}`);
      mailbox.state = patch.state;
    }
    for (const flag of ["failDeletes", "throttled", "sendBlocked"] as const) {
      if (patch[flag] !== undefined) mailbox[flag] = Boolean(patch[flag]);
    }
    return this.mailbox(address);
  }

  /** What the checks left in a mailbox: test items still there, and messages sent. */
  mailbox(address: string) {
    const m = this.mailboxOf(address);
    return {
      address: m.address,
      state: m.state,
      events: [...m.events.values()],
      contacts: [...m.contacts.values()],
      sentMessages: [...m.sentMessages],
      created: [...m.created],
    };
  }

  addFault(spec: FaultSpec): string {
    const validRoute = spec.route === "graph" || spec.route === "any" || (ROUTES as readonly string[]).includes(spec.route);
    if (!validRoute) throw new SimulatorError(400, `route must be one of ${[...ROUTES, "graph", "any"].join(", ")}`);
    const effect = spec.effect as { type?: string; status?: number; ms?: number } | undefined;
    const validEffect =
      effect?.type === "hang" ||
      (effect?.type === "delay" && typeof effect.ms === "number" && effect.ms >= 0) ||
      (effect?.type === "status" && [429, 500, 502, 503, 504].includes(effect.status ?? 0));
    if (!validEffect) throw new SimulatorError(400, "effect must be {type:'status', status:429|500|502|503|504}, {type:'hang'} or {type:'delay', ms}");
    const id = randomUUID();
    if (spec.fraction !== undefined && !(typeof spec.fraction === "number" && spec.fraction > 0 && spec.fraction <= 1)) {
      throw new SimulatorError(400, "fraction must be a number above 0 and at most 1");
    }
    this.state.faults.push({ ...spec, mailbox: spec.mailbox?.toLowerCase(), id, hits: 0, seen: 0 });
    return id;
  }

  clearFaults() {
    this.state.faults = [];
  }

  setLatency(ms: number) {
    if (!Number.isFinite(ms) || ms < 0 || ms > 60_000) throw new SimulatorError(400, "latency must be 0 to 60000 ms");
    this.state.latencyMs = ms;
  }

  /** Removes the app's tenant-wide Graph admin consent: its tokens carry no `roles` from now on. */
  removeGraphConsent(clientId: string) {
    this.app(clientId).roles = [];
  }

  /** Admin consent for a multi-tenant app in a tenant, as accepting the consent page does. */
  grantAdminConsent(tenantId: string, clientId: string) {
    const app = this.app(clientId);
    if (!app.multiTenant) throw new SimulatorError(409, `App ${clientId} is not multi-tenant`);
    if (!this.state.tenants.has(tenantId.toLowerCase())) throw new SimulatorError(404, `No tenant ${tenantId}`);
    grantAdminConsent({ state: this.state }, tenantId, clientId, "control API");
  }

  /** Deletes the enterprise application (service principal) a consent made: the app can no longer sign in to that tenant. */
  deleteEnterpriseApp(tenantId: string, clientId: string) {
    if (!this.state.consents.delete(consentKey(tenantId, clientId))) throw new SimulatorError(404, `App ${clientId} has no enterprise application in tenant ${tenantId}`);
  }

  /** The tenants where a multi-tenant app has a service principal, and its granted roles. */
  enterpriseApps(clientId: string) {
    const suffix = `|${clientId.toLowerCase()}`;
    return [...this.state.consents.entries()].filter(([k]) => k.endsWith(suffix)).map(([k, c]) => ({ tenantId: k.split("|")[0]!, ...c, roles: [...c.roles] }));
  }

  /** New-ManagementRoleAssignment: an "Application …" role for a registered service principal, optionally on a management scope. */
  addRoleAssignment(spec: { clientId?: unknown; role?: unknown; scope?: unknown; name?: unknown }) {
    const clientId = String(spec.clientId ?? "").toLowerCase();
    const exchange = this.state.exchange;
    if (!exchange.servicePrincipals.has(clientId)) throw new SimulatorError(404, `No service principal for app ${clientId} in Exchange (New-ServicePrincipal first)`);
    if (!(APPLICATION_ROLES as readonly string[]).includes(String(spec.role))) throw new SimulatorError(400, `role must be one of ${APPLICATION_ROLES.join(", ")}`);
    const scope = spec.scope === undefined || spec.scope === null ? undefined : String(spec.scope);
    if (scope && !exchange.scopes.has(scope.toLowerCase())) throw new SimulatorError(404, `No management scope ${scope}`);
    const name = typeof spec.name === "string" && spec.name ? spec.name : `${clientId} ${String(spec.role)}`;
    if (exchange.assignments.some((a) => a.name.toLowerCase() === name.toLowerCase())) throw new SimulatorError(409, `A role assignment named ${name} exists`);
    const assignment = { name, appId: clientId, role: String(spec.role), scope, createdAt: Date.now() };
    exchange.assignments.push(assignment);
    return { ...assignment };
  }

  /** Remove-ManagementRoleAssignment. */
  removeRoleAssignment(name: string) {
    const before = this.state.exchange.assignments.length;
    this.state.exchange.assignments = this.state.exchange.assignments.filter((a) => a.name.toLowerCase() !== name.toLowerCase());
    if (this.state.exchange.assignments.length === before) throw new SimulatorError(404, `No role assignment named ${name}`);
  }

  /** How long Exchange takes to apply a new role assignment (the real cache: 30 minutes to 2 hours). */
  setRbacCacheDelay(ms: number) {
    if (!Number.isFinite(ms) || ms < 0 || ms > 3 * 3_600_000) throw new SimulatorError(400, "cacheDelayMs must be 0 to 10800000 ms");
    this.state.exchange.cacheDelayMs = ms;
  }

  /** Exchange's RBAC for Applications objects, for the demo and tests. */
  exchange() {
    const x = this.state.exchange;
    return {
      cacheDelayMs: x.cacheDelayMs,
      servicePrincipals: [...x.servicePrincipals.values()].map((p) => ({ ...p })),
      groups: [...x.groups.values()].map((g) => ({ ...g, members: [...g.members] })),
      scopes: [...x.scopes.values()].map((m) => ({ ...m })),
      assignments: x.assignments.map((a) => ({ ...a })),
    };
  }

  requests(): RequestLogEntry[] {
    return this.state.requests.map((r) => ({ ...r }));
  }

  clearRequests() {
    this.state.requests = [];
    this.state.maxInFlight.clear();
  }

  /** Access tokens issued so far (tests check none leaked into logs). */
  issuedTokens(): string[] {
    return [...this.state.issuedTokens];
  }

  /** Seeds agent mailboxes with a mix of states (sim/agents.ts); returns each address and what it was seeded as. */
  seedAgents(spec: AgentSeedSpec) {
    try {
      return seedAgents(this.state, spec);
    } catch (error) {
      if (error instanceof RangeError) throw new SimulatorError(400, error.message);
      throw error;
    }
  }

  /** The most Graph requests seen in flight at once for one app and mailbox. */
  maxConcurrentRequests(mailbox: string): number {
    let max = 0;
    for (const [key, n] of this.state.maxInFlight) if (key.endsWith(`|${mailbox.toLowerCase()}`)) max = Math.max(max, n);
    return max;
  }
}

/** What the admin center lists for a certificate: never its bytes beyond the thumbprint. */
function keyCredentialView(k: SimKeyCredential) {
  return { keyId: k.keyId, displayName: k.displayName, thumbprintSha256: k.thumbprintSha256, startDateTime: k.startDateTime, endDateTime: k.endDateTime };
}

/** Scenario values over HTTP: a certificate is named by its thumbprint, its private key stays in process. */
function publicValues(values: ScenarioValues) {
  const { clientCertificate, ...rest } = values;
  return clientCertificate ? { ...rest, clientCertificate: { thumbprintSha256: clientCertificate.thumbprintSha256 } } : rest;
}

async function readBody(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString("utf8").trim();
  if (!text) return {};
  try {
    const value = JSON.parse(text) as unknown;
    if (value && typeof value === "object" && !Array.isArray(value)) return value as Record<string, unknown>;
  } catch {
    // fall through
  }
  throw new SimulatorError(400, "The body must be a JSON object");
}

/** `/_sim/...`: the control API over HTTP. */
export async function handleControl(control: SimulatorControl, req: IncomingMessage, res: ServerResponse, pathname: string) {
  const parts = pathname.split("/").filter(Boolean).slice(1).map(decodeURIComponent);
  const method = req.method ?? "GET";
  const route = `${method} /${parts.map((p, i) => ((i % 2 === 1 && ["apps", "mailboxes", "scenarios", "secrets", "certificates", "tenants", "enterprise-apps"].includes(parts[i - 1]!)) || parts[i - 1] === "assignments" ? ":id" : p)).join("/")}`;
  try {
    const body = ["POST", "PUT", "PATCH"].includes(method) ? await readBody(req) : {};
    switch (route) {
      case "GET /health":
        return sendJson(res, 200, { ok: true });
      case "GET /scenarios":
        return sendJson(res, 200, control.scenarios());
      case "POST /scenarios/:id/fix":
        control.fixScenario(parts[1]!);
        return sendJson(res, 204, undefined);
      case "POST /reset":
        control.reset(typeof body.latencyMs === "number" ? body.latencyMs : 0);
        return sendJson(res, 204, undefined);
      case "PATCH /apps/:id":
        return sendJson(res, 200, control.updateApp(parts[1]!, body as AppPatch));
      case "POST /apps/:id/secrets":
        return sendJson(res, 201, control.addSecret(parts[1]!, body as { expiresAt?: string; value?: string }));
      case "POST /apps/:id/certificates":
        return sendJson(res, 201, control.uploadCertificate(parts[1]!, body));
      case "GET /apps/:id/certificates":
        return sendJson(res, 200, control.certificates(parts[1]!));
      case "DELETE /apps/:id/certificates/:id":
        control.removeCertificate(parts[1]!, parts[3]!);
        return sendJson(res, 204, undefined);
      case "DELETE /apps/:id/secrets/:id":
        control.revokeSecret(parts[1]!, parts[3]!);
        return sendJson(res, 204, undefined);
      case "DELETE /apps/:id/consent":
        control.removeGraphConsent(parts[1]!);
        return sendJson(res, 204, undefined);
      case "GET /apps/:id/enterprise-apps":
        return sendJson(res, 200, control.enterpriseApps(parts[1]!));
      case "PUT /tenants/:id/enterprise-apps/:id":
        control.grantAdminConsent(parts[1]!, parts[3]!);
        return sendJson(res, 204, undefined);
      case "DELETE /tenants/:id/enterprise-apps/:id":
        control.deleteEnterpriseApp(parts[1]!, parts[3]!);
        return sendJson(res, 204, undefined);
      case "GET /exchange":
        return sendJson(res, 200, control.exchange());
      case "POST /exchange/assignments":
        return sendJson(res, 201, control.addRoleAssignment(body));
      case "DELETE /exchange/assignments/:id":
        control.removeRoleAssignment(parts[2]!);
        return sendJson(res, 204, undefined);
      case "PUT /exchange/cache-delay":
        control.setRbacCacheDelay(Number(body.ms));
        return sendJson(res, 204, undefined);
      case "GET /mailboxes/:id":
        return sendJson(res, 200, control.mailbox(parts[1]!));
      case "PATCH /mailboxes/:id":
        return sendJson(res, 200, control.updateMailbox(parts[1]!, body as MailboxPatch));
      case "POST /agents":
        return sendJson(res, 201, { agents: control.seedAgents(body as unknown as AgentSeedSpec) });
      case "POST /faults":
        return sendJson(res, 201, { id: control.addFault(body as unknown as FaultSpec) });
      case "DELETE /faults":
        control.clearFaults();
        return sendJson(res, 204, undefined);
      case "PUT /latency":
        control.setLatency(Number(body.ms));
        return sendJson(res, 204, undefined);
      case "GET /requests":
        return sendJson(res, 200, control.requests());
      case "DELETE /requests":
        control.clearRequests();
        return sendJson(res, 204, undefined);
      default:
        throw new SimulatorError(404, `No control route ${method} ${pathname}`);
    }
  } catch (error) {
    const status = error instanceof SimulatorError ? error.status : 500;
    return sendJson(res, status, { error: error instanceof Error ? error.message : String(error) });
  }
}
