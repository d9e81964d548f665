import { createServer, type Server } from "node:https";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { ensureSimulatorCertificate, type SimulatorCertificate } from "../certificate";
import { sendJson } from "../responses";
import { apiTarget, authorise, handleApi, type ApiTarget } from "./apis";
import { GoogleSimulatorControl, handleGoogleControl } from "./control";
import { googleStateFromSeed, type GoogleFault, type GoogleRequestLogEntry, type GoogleRoute, type GoogleSimState } from "./model";
import { faultShape, sendApiError, sendTokenError } from "./responses";
import { ensureServiceAccountKey } from "./service-account";
import { handleGoogleToken } from "./token";

/**
 * The Google Workspace simulator (DESIGN §10): one HTTPS server, with the same CA as the
 * Microsoft simulator, playing Google's OAuth token endpoint (at /token) and the Calendar,
 * People and Gmail APIs at their real paths, so google-auth-library and the @googleapis
 * clients run against it unchanged. State lives in memory.
 */

export type GoogleSimulatorOptions = { port?: number; latencyMs?: number; certificate?: SimulatorCertificate };

export type RunningGoogleSimulator = {
  url: string;
  port: number;
  /** GOOGLE_OAUTH_TOKEN_URL for processes that should use it. */
  tokenUrl: string;
  /** GOOGLE_API_ROOT for processes that should use it. */
  apiRoot: string;
  /** GOOGLE_SERVICE_ACCOUNT_KEY_FILE: the vendor's key the simulator trusts. */
  serviceAccountKeyFile: string;
  caCertPath: string;
  control: GoogleSimulatorControl;
  stop: () => Promise<void>;
};

const now = () => performance.timeOrigin + performance.now();
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

/** The user an assertion names, read without checking it (only to match faults). */
function assertionSubject(form: URLSearchParams): string | undefined {
  try {
    const claims = JSON.parse(Buffer.from((form.get("assertion") ?? "").split(".")[1] ?? "", "base64url").toString("utf8")) as { sub?: unknown };
    return typeof claims.sub === "string" ? claims.sub.toLowerCase() : undefined;
  } catch {
    return undefined;
  }
}

function matchFault(state: GoogleSimState, route: GoogleRoute, method: string, user: string | undefined): GoogleFault | undefined {
  const fault = state.faults.find(
    (f) => (f.route === "any" || f.route === route) && (!f.method || f.method === method) && (!f.user || f.user === user) && (f.times === undefined || f.hits < f.times),
  );
  if (fault) fault.hits++;
  return fault;
}

export async function startGoogleSimulator(options: GoogleSimulatorOptions = {}): Promise<RunningGoogleSimulator> {
  const certificate = options.certificate ?? ensureSimulatorCertificate();
  const account = ensureServiceAccountKey();
  const holder = { state: googleStateFromSeed(account.publicKeyPem, options.latencyMs ?? 0) };
  const control = new GoogleSimulatorControl(holder);
  const sockets = new Set<Socket>();
  let url = "";

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const parsed = new URL(req.url ?? "/", url);
    const method = req.method ?? "GET";
    if (parsed.pathname === "/_sim/google" || parsed.pathname.startsWith("/_sim/google/")) return handleGoogleControl(control, req, res, parsed.pathname);
    const state = holder.state;
    const isToken = method === "POST" && parsed.pathname === "/token";
    const target: ApiTarget | undefined = isToken ? undefined : apiTarget(method, parsed.pathname);
    const route: GoogleRoute | "unknown" = isToken ? "token" : (target?.route ?? "unknown");
    const entry: GoogleRequestLogEntry = { method, route, path: parsed.pathname, status: 0, startedAt: now(), endedAt: 0 };
    state.requests.push(entry);
    let done = false;
    const complete = (status: number) => {
      if (done) return;
      done = true;
      entry.endedAt = now();
      entry.status = status;
    };
    const end = res.end.bind(res) as (...args: unknown[]) => ServerResponse;
    res.end = ((...args: unknown[]) => {
      complete(res.statusCode);
      return end(...args);
    }) as ServerResponse["end"];
    res.on("close", () => complete(0));

    const text = await readBody(req);
    const form = isToken ? new URLSearchParams(text) : undefined;
    const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? "")?.[1];
    entry.user = form ? assertionSubject(form) : bearer ? state.tokens.get(bearer)?.user : undefined;
    if (route === "unknown") return sendJson(res, 404, { error: { code: 404, message: `Nothing at ${parsed.pathname}`, status: "NOT_FOUND" } });
    const fault = matchFault(state, route, method, entry.user);
    if (fault?.effect.type === "hang") return; // never answered: the client gives up
    await sleep(state.latencyMs);
    if (fault?.effect.type === "status") {
      const { status, retryAfterSeconds, reason } = fault.effect;
      if (isToken) return sendTokenError(res, status, status === 429 ? "rate_limit_exceeded" : "internal_failure", "Injected by the simulator", retryAfterSeconds);
      return sendApiError(res, route !== "people", faultShape(status, reason), retryAfterSeconds);
    }
    if (isToken) return handleGoogleToken(state, res, form!, `${url}/token`);
    const user = authorise(state, res, req.headers.authorization, target!);
    if (!user) return;
    let body: unknown;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      return sendApiError(res, route !== "people", { code: 400, message: "Invalid JSON payload received.", status: "INVALID_ARGUMENT", reason: "parseError" });
    }
    return handleApi(state, res, target!, user, body);
  }

  const servers: Server[] = [];
  const newServer = () => {
    const server = createServer({ key: certificate.keyPem, cert: certificate.certPem }, (req, res) => {
      handle(req, res).catch((error: unknown) => {
        if (!res.headersSent) sendJson(res, 500, { error: { code: 500, message: String(error), status: "INTERNAL" } });
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
  const v6 = newServer();
  await listen(v6, port, "::1")
    .then(() => servers.push(v6))
    .catch(() => undefined);
  url = `https://localhost:${port}`;
  return {
    url,
    port,
    tokenUrl: `${url}/token`,
    apiRoot: url,
    serviceAccountKeyFile: account.keyFile,
    caCertPath: certificate.caCertPath,
    control,
    stop: async () => {
      for (const socket of sockets) socket.destroy();
      await Promise.all(servers.map((s) => new Promise<void>((resolve) => s.close(() => resolve()))));
    },
  };
}
