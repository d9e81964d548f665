import type { IncomingMessage, ServerResponse } from "node:http";
import type { SimContext } from "./context";
import { graphTarget, handleGraph } from "./graph";
import type { Fault, RequestLogEntry, RouteName } from "./model";
import { GRAPH_STATUS_CODES, sendGraphError, sendJson } from "./responses";

/**
 * Microsoft Graph JSON batching, `POST /v1.0/$batch` (learn.microsoft.com/graph/json-batching):
 * at most 20 requests, each with an `id`, `method` and a `url` relative to the version;
 * the answer is `{ responses: [{ id, status, headers, body }] }`, one per request, in any
 * order. Each request is answered as if sent alone (the same mailbox conditions and
 * faults), so one can be throttled (429 with its own Retry-After) while the others
 * succeed. The requests of a batch run at once and count against the mailbox's 4
 * concurrent requests.
 */

export const MAX_BATCH_REQUESTS = 20;

type SubRequest = { id: string; method: string; url: string; headers?: Record<string, string>; body?: unknown };
type SubResponse = { id: string; status: number; headers: Record<string, string>; body?: unknown };

/** Collects what a handler writes, in place of a socket. */
class CapturedResponse {
  statusCode = 200;
  headers: Record<string, string> = {};
  text = "";
  headersSent = false;
  writeHead(status: number, headers: Record<string, string> = {}) {
    this.statusCode = status;
    this.headers = { ...headers };
    this.headersSent = true;
    return this;
  }
  end(text?: string) {
    this.text = text ?? "";
    return this;
  }
}

function fakeRequest(outer: IncomingMessage, sub: SubRequest): IncomingMessage {
  const body = sub.body === undefined ? "" : JSON.stringify(sub.body);
  return {
    method: sub.method,
    url: sub.url,
    headers: { authorization: outer.headers.authorization, "client-request-id": sub.headers?.["client-request-id"], "content-type": "application/json" },
    async *[Symbol.asyncIterator]() {
      if (body) yield Buffer.from(body, "utf8");
    },
  } as unknown as IncomingMessage;
}

async function readBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  try {
    return JSON.parse(Buffer.concat(chunks).toString("utf8"));
  } catch {
    return undefined;
  }
}

const HOP_HEADERS = new Set(["content-length", "cache-control"]);

export type BatchHooks = {
  matchFault: (route: RouteName, mailbox: string | undefined) => Fault | undefined;
  log: (entry: RequestLogEntry) => void;
  appIdOf: (req: IncomingMessage) => string;
};

export async function handleBatch(ctx: SimContext, req: IncomingMessage, res: ServerResponse, hooks: BatchHooks) {
  const body = (await readBody(req)) as { requests?: unknown } | undefined;
  const requests = body && Array.isArray(body.requests) ? (body.requests as SubRequest[]) : undefined;
  if (!requests || !requests.every((r) => r && typeof r.id === "string" && typeof r.method === "string" && typeof r.url === "string")) {
    return sendGraphError(res, 400, "BadRequest", "Invalid batch payload format.");
  }
  if (requests.length > MAX_BATCH_REQUESTS) return sendGraphError(res, 400, "BadRequest", `Number of batch requests exceeds limit of ${MAX_BATCH_REQUESTS}.`);
  if (new Set(requests.map((r) => r.id)).size !== requests.length) return sendGraphError(res, 400, "BadRequest", "Batch request ids must be unique.");

  const state = ctx.state;
  const appId = hooks.appIdOf(req);
  const startedAt = performance.timeOrigin + performance.now();
  const targets = requests.map((sub) => {
    const url = new URL(`/v1.0${sub.url.startsWith("/") ? "" : "/"}${sub.url}`, ctx.graphUrl);
    return { sub, url, target: graphTarget(sub.method.toUpperCase(), url.pathname) };
  });
  // Every request of the batch is in flight at once.
  const keys = targets.map(({ target }) => (target ? `${appId}|${target.mailboxId.toLowerCase()}` : undefined));
  for (const key of keys) {
    if (!key) continue;
    const n = (state.inFlight.get(key) ?? 0) + 1;
    state.inFlight.set(key, n);
    state.maxInFlight.set(key, Math.max(n, state.maxInFlight.get(key) ?? 0));
  }
  const overLimit = keys.map((key) => Boolean(key && (state.inFlight.get(key) ?? 0) > 4));

  const responses = await Promise.all(
    targets.map(async ({ sub, url, target }, i): Promise<SubResponse> => {
      const captured = new CapturedResponse();
      const out = captured as unknown as ServerResponse;
      const mailbox = target?.mailboxId.toLowerCase();
      const fault = target ? hooks.matchFault(target.route, mailbox) : undefined;
      if (!target) {
        sendGraphError(out, 400, "BadRequest", `Resource not found for the segment '${url.pathname.split("/").pop()}'.`);
      } else if (fault?.effect.type === "status") {
        const shape = GRAPH_STATUS_CODES[fault.effect.status]!;
        sendGraphError(out, fault.effect.status, fault.effect.code ?? shape.code, shape.message, { retryAfterSeconds: fault.effect.retryAfterSeconds });
      } else if (overLimit[i]) {
        sendGraphError(out, 429, "ApplicationThrottled", "Application is over its MailboxConcurrency limit.", { retryAfterSeconds: 1 });
      } else {
        await handleGraph(ctx, fakeRequest(req, sub), out, target, url);
      }
      hooks.log({
        method: sub.method.toUpperCase(),
        route: target?.route ?? "unknown",
        path: url.pathname,
        status: captured.statusCode,
        mailbox,
        startedAt,
        endedAt: performance.timeOrigin + performance.now(),
        inBatch: true,
      });
      const headers = Object.fromEntries(Object.entries(captured.headers).filter(([name]) => !HOP_HEADERS.has(name.toLowerCase())));
      let parsed: unknown;
      try {
        parsed = captured.text ? JSON.parse(captured.text) : undefined;
      } catch {
        parsed = captured.text;
      }
      return { id: sub.id, status: captured.statusCode, headers, ...(parsed === undefined ? {} : { body: parsed }) };
    }),
  );
  for (const key of keys) if (key) state.inFlight.set(key, (state.inFlight.get(key) ?? 1) - 1);
  return sendJson(res, 200, { responses });
}
