import type { IncomingMessage, ServerResponse } from "node:http";
import { sendJson } from "../responses";
import { domainOf, googleStateFromSeed, leftoverItems, type GoogleFault, type GoogleFaultEffect, type GoogleRoute, type GoogleService, type GoogleSimState } from "./model";

/**
 * Changing the Google simulator from tests and the demo, in process or over HTTP under
 * /_sim/google (docs/simulator.md): the delegation table as an administrator edits it in
 * the Admin console, users' services, the vendor's own setup, and faults.
 */

export class GoogleSimulatorControl {
  constructor(private readonly holder: { state: GoogleSimState }) {}

  get state() {
    return this.holder.state;
  }

  reset() {
    const { vendor, latencyMs } = this.holder.state;
    this.holder.state = googleStateFromSeed(vendor.publicKeyPem, latencyMs);
  }

  /** What an administrator saves for the vendor's client id; `applyAfterMs` plays the minutes Google takes. */
  setDelegation(domain: string, scopes: string[], applyAfterMs = 0) {
    const d = this.domain(domain);
    if (!scopes.length) d.delegations.delete(this.state.vendor.clientId);
    else d.delegations.set(this.state.vendor.clientId, { scopes, appliesAt: Date.now() + applyAfterMs });
  }

  setUser(address: string, services: Partial<Record<GoogleService, boolean>> = {}) {
    const d = this.domain(domainOf(address));
    const key = address.toLowerCase();
    const existing = d.users.get(key);
    d.users.set(key, { address: key, services: { calendar: true, contacts: true, gmail: true, ...existing?.services, ...services } });
  }

  setVendor(change: { keyRevoked?: boolean; disabledApis?: GoogleRoute[]; clockSkewSeconds?: number }) {
    const v = this.state.vendor;
    if (change.keyRevoked !== undefined) v.keyRevoked = change.keyRevoked;
    if (change.disabledApis) v.disabledApis = new Set(change.disabledApis);
    if (change.clockSkewSeconds !== undefined) v.clockSkewSeconds = change.clockSkewSeconds;
  }

  addFault(fault: { route: GoogleRoute | "any"; user?: string; method?: string; effect: GoogleFaultEffect; times?: number }) {
    this.state.faults.push({ ...fault, user: fault.user?.toLowerCase(), hits: 0 } satisfies GoogleFault);
  }

  clearFaults() {
    this.state.faults = [];
  }

  setLatency(ms: number) {
    this.state.latencyMs = ms;
  }

  clearRequests() {
    this.state.requests = [];
  }

  leftovers() {
    return leftoverItems(this.state);
  }

  private domain(name: string) {
    const key = name.toLowerCase();
    const existing = this.state.domains.get(key);
    if (existing) return existing;
    const created = { name: key, delegations: new Map(), users: new Map() };
    this.state.domains.set(key, created);
    return created;
  }
}

async function jsonBody(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString("utf8");
  return text ? (JSON.parse(text) as Record<string, unknown>) : {};
}

const ROUTES = new Set(["token", "calendar", "people", "gmail", "any"]);

export async function handleGoogleControl(control: GoogleSimulatorControl, req: IncomingMessage, res: ServerResponse, pathname: string) {
  const action = pathname.slice("/_sim/google".length).replace(/^\//, "");
  if (req.method === "GET" && action === "state") {
    const s = control.state;
    return sendJson(res, 200, {
      vendor: { clientId: s.vendor.clientId, clientEmail: s.vendor.clientEmail, keyRevoked: s.vendor.keyRevoked, disabledApis: [...s.vendor.disabledApis], clockSkewSeconds: s.vendor.clockSkewSeconds },
      domains: [...s.domains.values()].map((d) => ({ name: d.name, delegations: [...d.delegations].map(([clientId, x]) => ({ clientId, ...x })), users: [...d.users.values()] })),
      leftoverItems: control.leftovers(),
      sentMessages: s.sent.length,
      faults: s.faults,
    });
  }
  if (req.method !== "POST") return sendJson(res, 405, { error: "Use GET /_sim/google/state or POST" });
  let body: Record<string, unknown>;
  try {
    body = await jsonBody(req);
  } catch {
    return sendJson(res, 400, { error: "The body must be JSON" });
  }
  const str = (v: unknown) => (typeof v === "string" ? v : undefined);
  switch (action) {
    case "reset":
      control.reset();
      return sendJson(res, 200, { ok: true });
    case "delegation": {
      const domain = str(body.domain);
      const scopes = Array.isArray(body.scopes) ? body.scopes.filter((s): s is string => typeof s === "string") : undefined;
      if (!domain || !scopes) return sendJson(res, 400, { error: "Give domain and scopes (an array; empty removes the delegation)" });
      control.setDelegation(domain, scopes, typeof body.applyAfterMs === "number" ? body.applyAfterMs : 0);
      return sendJson(res, 200, { ok: true });
    }
    case "user": {
      const address = str(body.address);
      if (!address?.includes("@")) return sendJson(res, 400, { error: "Give address" });
      control.setUser(address, (body.services ?? {}) as Partial<Record<GoogleService, boolean>>);
      return sendJson(res, 200, { ok: true });
    }
    case "vendor":
      control.setVendor(body as Parameters<GoogleSimulatorControl["setVendor"]>[0]);
      return sendJson(res, 200, { ok: true });
    case "faults": {
      const route = str(body.route) ?? "any";
      const effect = body.effect as GoogleFaultEffect | undefined;
      if (!ROUTES.has(route) || !effect || (effect.type !== "hang" && effect.type !== "status")) return sendJson(res, 400, { error: "Give route and effect ({type:'status',status} or {type:'hang'})" });
      control.addFault({ route: route as GoogleRoute | "any", user: str(body.user), method: str(body.method)?.toUpperCase(), effect, times: typeof body.times === "number" ? body.times : undefined });
      return sendJson(res, 200, { ok: true });
    }
    case "faults/clear":
      control.clearFaults();
      return sendJson(res, 200, { ok: true });
    case "latency":
      control.setLatency(Number(body.ms) || 0);
      return sendJson(res, 200, { ok: true });
    default:
      return sendJson(res, 404, { error: `No control action ${action}` });
  }
}
