import { createServer, type Server } from "node:https";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { ensureSimulatorCertificate, type SimulatorCertificate } from "./certificate";
import type { SimContext } from "./context";
import { handleControl, SimulatorControl } from "./control";
import { handleBatch } from "./batch";
import { graphTarget, handleGraph, type GraphTarget } from "./graph";
import { handleDiscovery, handleToken } from "./identity";
import { TokenSigner } from "./jwt";
import { stateFromSeed, type Fault, type RequestLogEntry, type RouteName, type SimState } from "./model";
import { GRAPH_STATUS_CODES, sendAadError, sendGraphError, sendJson } from "./responses";
import { scenarioSeed } from "./seed";
import { handleGetUserRealmSrf, handleUserRealm } from "./user-realm";
import { handleAdminConsentDecision, handleAdminConsentPage } from "./vendor-app";

/**
 * The Microsoft 365 simulator (DESIGN §6): one HTTPS server playing both the
 * identity platform (authority host) and Microsoft Graph, so the real MSAL and
 * Graph clients run against it unchanged. State lives in memory.
 */

export type SimulatorOptions = {
  /** 0 picks a free port. */
  port?: number;
  /** Added to every request before it is answered (not to /_sim). */
  latencyMs?: number;
  certificate?: SimulatorCertificate;
};

export type RunningSimulator = {
  url: string;
  port: number;
  /** MICROSOFT_AUTHORITY_HOST for processes that should use it. */
  authorityHost: string;
  /** MICROSOFT_GRAPH_URL for processes that should use it. */
  graphUrl: string;
  /** NODE_EXTRA_CA_CERTS for processes that talk to it. */
  caCertPath: string;
  control: SimulatorControl;
  stop: () => Promise<void>;
};

type Dispatch =
  | { kind: "control" }
  | { kind: "discovery"; tenant: string }
  | { kind: "token"; tenant: string }
  | { kind: "keys" }
  | { kind: "adminconsent"; tenant: string; search: URLSearchParams }
  | { kind: "userrealm"; login: string; shape: "v2.1" | "srf" }
  | { kind: "graph"; target: GraphTarget }
  | { kind: "batch" }
  | { kind: "unknown" };

function dispatchOf(method: string, pathname: string, search: URLSearchParams): Dispatch {
  if (pathname === "/_sim" || pathname.startsWith("/_sim/")) return { kind: "control" };
  if (method === "GET" && pathname === "/getuserrealm.srf") return { kind: "userrealm", login: search.get("login") ?? "", shape: "srf" };
  if (method === "POST" && /^\/v1\.0\/\$batch$/i.test(pathname)) return { kind: "batch" };
  const graph = graphTarget(method, pathname);
  if (graph) return { kind: "graph", target: graph };
  const parts = pathname.split("/").filter(Boolean).map(decodeURIComponent);
  const [tenant, ...rest] = parts;
  const tail = rest.join("/");
  if (tenant && method === "GET" && tail === "v2.0/.well-known/openid-configuration") return { kind: "discovery", tenant };
  if (tenant && method === "POST" && tail === "oauth2/v2.0/token") return { kind: "token", tenant };
  if (tenant && method === "GET" && tail === "discovery/v2.0/keys") return { kind: "keys" };
  if (tenant && (method === "GET" || method === "POST") && tail === "v2.0/adminconsent") return { kind: "adminconsent", tenant, search };
  if (tenant === "common" && method === "GET" && rest.length === 2 && rest[0] === "userrealm") return { kind: "userrealm", login: rest[1]!, shape: "v2.1" };
  return { kind: "unknown" };
}

function routeOf(d: Dispatch): RequestLogEntry["route"] {
  if (d.kind === "graph") return d.target.route;
  if (d.kind === "batch") return "graph.batch";
  if (d.kind === "discovery" || d.kind === "token" || d.kind === "userrealm" || d.kind === "control") return d.kind;
  return "unknown";
}

function matchFault(state: SimState, route: RouteName, mailbox: string | undefined): Fault | undefined {
  // A fault on "graph" reaches the requests inside a batch, not the batch itself.
  const graphRoute = !["discovery", "token", "userrealm", "graph.batch"].includes(route);
  const fault = state.faults.find((f) => {
    const matches =
      (f.route === "any" || f.route === route || (f.route === "graph" && graphRoute)) &&
      (!f.mailbox || f.mailbox === mailbox) &&
      (f.times === undefined || f.hits < f.times);
    if (!matches || f.fraction === undefined) return matches;
    f.seen++;
    return Math.floor(f.seen * f.fraction) > Math.floor((f.seen - 1) * f.fraction);
  });
  if (fault) fault.hits++;
  return fault;
}

/** The app a Graph request's token was issued to (read, not verified: only for counting). */
function appIdOfRequest(req: IncomingMessage): string {
  return /"appid":"([^"]+)"/.exec(Buffer.from((req.headers.authorization ?? "").split(".")[1] ?? "", "base64url").toString())?.[1] ?? "?";
}

/** Epoch milliseconds with sub-millisecond precision, for the request log. */
const now = () => performance.timeOrigin + performance.now();

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function answerFault(ctx: SimContext, res: ServerResponse, d: Dispatch, fault: Fault & { effect: { type: "status" } }) {
  const { status, retryAfterSeconds, code } = fault.effect;
  if (d.kind === "graph") {
    const shape = GRAPH_STATUS_CODES[status]!;
    return sendGraphError(res, status, code ?? shape.code, shape.message, { retryAfterSeconds });
  }
  const throttled = status === 429;
  return sendAadError(res, ctx.authorityHost, {
    status,
    error: throttled ? "temporarily_unavailable" : "server_error",
    code: throttled ? 50196 : 90033,
    description: throttled
      ? "The server terminated an operation because it encountered a client request loop. Please contact your app vendor."
      : "A transient error has occurred. Please try again.",
    retryAfterSeconds,
  });
}

export async function startSimulator(options: SimulatorOptions = {}): Promise<RunningSimulator> {
  const certificate = options.certificate ?? ensureSimulatorCertificate();
  const holder = { state: stateFromSeed(scenarioSeed(), options.latencyMs ?? 0) };
  const control = new SimulatorControl(holder);
  const signer = new TokenSigner();
  const sockets = new Set<Socket>();
  // Its URLs are known once the port is.
  const ctx: SimContext = {
    get state() {
      return holder.state;
    },
    signer,
    authorityHost: "",
    graphUrl: "",
  };

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? "/", ctx.authorityHost);
    const method = req.method ?? "GET";
    const d = dispatchOf(method, url.pathname, url.searchParams);
    const state = holder.state;
    const entry: RequestLogEntry = { method, route: routeOf(d), path: url.pathname, status: 0, startedAt: now(), endedAt: 0 };
    let flightKey: string | undefined;
    if (d.kind === "graph") {
      entry.mailbox = d.target.mailboxId.toLowerCase();
      flightKey = `${appIdOfRequest(req)}|${entry.mailbox}`;
      const n = (state.inFlight.get(flightKey) ?? 0) + 1;
      state.inFlight.set(flightKey, n);
      state.maxInFlight.set(flightKey, Math.max(n, state.maxInFlight.get(flightKey) ?? 0));
    }
    // Logged on arrival, completed when the answer is sent (in `end`, because in one process
    // the client can read the answer before the server's "finish" event) or when the
    // connection closes unanswered (status 0).
    if (d.kind !== "control") state.requests.push(entry);
    let done = false;
    const complete = (status: number) => {
      if (done) return;
      done = true;
      entry.endedAt = now();
      entry.status = status;
      if (flightKey) state.inFlight.set(flightKey, (state.inFlight.get(flightKey) ?? 1) - 1);
    };
    const end = res.end.bind(res) as (...args: unknown[]) => ServerResponse;
    res.end = ((...args: unknown[]) => {
      complete(res.statusCode);
      return end(...args);
    }) as ServerResponse["end"];
    res.on("close", () => complete(0));

    if (d.kind === "control") return handleControl(control, req, res, url.pathname);
    const fault = d.kind === "unknown" || d.kind === "keys" || d.kind === "adminconsent" ? undefined : matchFault(state, entry.route as RouteName, entry.mailbox);
    if (fault?.effect.type === "hang") return; // never answered: the client gives up
    await sleep(state.latencyMs + (fault?.effect.type === "delay" ? fault.effect.ms : 0));
    if (fault?.effect.type === "status") return answerFault(ctx, res, d, fault as Fault & { effect: { type: "status" } });
    if (flightKey && (state.inFlight.get(flightKey) ?? 0) > 4) {
      return sendGraphError(res, 429, "ApplicationThrottled", "Application is over its MailboxConcurrency limit.", { retryAfterSeconds: 1 });
    }
    switch (d.kind) {
      case "discovery":
        return handleDiscovery(ctx, res, d.tenant);
      case "token":
        return handleToken(ctx, req, res, d.tenant);
      case "keys":
        return sendJson(res, 200, { keys: [] });
      case "adminconsent":
        return method === "GET" ? handleAdminConsentPage(ctx, res, d.tenant, d.search) : handleAdminConsentDecision(ctx, req, res, d.tenant);
      case "userrealm":
        return d.shape === "srf" ? handleGetUserRealmSrf(ctx, res, d.login) : handleUserRealm(ctx, res, d.login);
      case "graph":
        return handleGraph(ctx, req, res, d.target, url);
      case "batch":
        return handleBatch(ctx, req, res, {
          matchFault: (route, mailbox) => matchFault(holder.state, route, mailbox),
          log: (e) => holder.state.requests.push(e),
          appIdOf: appIdOfRequest,
        });
      default:
        return sendJson(res, 404, { error: { code: "NotFound", message: `Nothing at ${url.pathname}` } });
    }
  }

  const servers: Server[] = [];
  const newServer = () => {
    const server = createServer({ key: certificate.keyPem, cert: certificate.certPem }, (req, res) => {
      handle(req, res).catch((error: unknown) => {
        if (!res.headersSent) sendJson(res, 500, { error: { code: "SimulatorError", message: String(error) } });
      });
    });
    server.on("connection", (socket: Socket) => {
      sockets.add(socket);
      socket.on("close", () => sockets.delete(socket));
    });
    return server;
  };
  const listen = (server: Server, port: number, host: string) =>
    new Promise<number>((resolve, reject) => {
      server.once("error", reject);
      server.listen(port, host, () => resolve((server.address() as AddressInfo).port));
    });

  const primary = newServer();
  const port = await listen(primary, options.port ?? 0, "127.0.0.1");
  servers.push(primary);
  // Also on ::1, so "localhost" works whichever address a client resolves first.
  const v6 = newServer();
  await listen(v6, port, "::1")
    .then(() => servers.push(v6))
    .catch(() => undefined);

  const url = `https://localhost:${port}`;
  ctx.authorityHost = url;
  ctx.graphUrl = url;
  return {
    url,
    port,
    authorityHost: url,
    graphUrl: url,
    caCertPath: certificate.caCertPath,
    control,
    stop: async () => {
      for (const socket of sockets) socket.destroy();
      await Promise.all(servers.map((s) => new Promise<void>((resolve) => s.close(() => resolve()))));
    },
  };
}
