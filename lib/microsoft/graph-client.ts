import "server-only";
import {
  AuthenticationHandler,
  Client,
  GraphError,
  HTTPMessageHandler,
  TelemetryHandler,
  type Context,
  type Middleware,
  type MiddlewareOptions,
} from "@microsoft/microsoft-graph-client";
import { graphFailureFromBody, MicrosoftRequestError, type MicrosoftFailure } from "./failures";
import { attemptSignal, nextRetryDelay, sleep, transportCause, TransportError, type RequestPolicy, type TransportCause } from "./http";
import { isMailboxAddress } from "../validation/mailbox";
import { pathSegment } from "./identifiers";
import { acquireMailboxSlot, mailboxKey } from "./mailbox-limiter";

/**
 * Microsoft Graph through @microsoft/microsoft-graph-client, with its default
 * middleware replaced: authentication and telemetry as usual, then our handler
 * (mailbox slot, per-attempt timeout, the run's one retry policy), then fetch.
 * The library's RetryHandler is left out so retries never stack.
 */

/** Per-request scratch space the handler fills in, read back when a request fails. */
export class RequestRecord implements MiddlewareOptions {
  transport?: TransportCause;
  attempts = 0;
}

export class BoundedRequestHandler implements Middleware {
  private next!: Middleware;
  constructor(
    private readonly policy: RequestPolicy,
    /** The mailbox whose slot each attempt takes; none for a request that is not one mailbox's (a $batch). */
    private readonly slotKey: string | undefined,
    /** Set only for a plain-http Graph URL, which the library's AuthenticationHandler skips. */
    private readonly plainHttpAuth?: { origin: string; authorization: string },
  ) {}

  setNext(next: Middleware) {
    this.next = next;
  }

  async execute(context: Context): Promise<void> {
    const record = context.middlewareControl?.getMiddlewareOptions(RequestRecord) as RequestRecord | undefined;
    const url = typeof context.request === "string" ? context.request : context.request.url;
    if (this.plainHttpAuth && url.startsWith(`${this.plainHttpAuth.origin}/`)) {
      context.options = { ...context.options, headers: { ...(context.options?.headers as Record<string, string> | undefined), Authorization: this.plainHttpAuth.authorization } };
    }
    const release = this.slotKey ? await acquireMailboxSlot(this.slotKey, this.policy.signal) : () => {};
    try {
      for (let attempt = 1; ; attempt++) {
        if (record) record.attempts = attempt;
        const { signal, timeout } = attemptSignal(this.policy.timeoutMs, this.policy.signal);
        context.options = { ...context.options, signal };
        try {
          await this.next.execute(context);
        } catch {
          const cause = transportCause(timeout, this.policy.signal);
          if (record) record.transport = cause;
          throw new TransportError(cause);
        }
        const response = context.response!;
        const delay = nextRetryDelay(response.status, response.headers, attempt, this.policy.budget);
        if (delay === undefined) return;
        await response.body?.cancel().catch(() => {});
        await sleep(delay, this.policy.signal);
      }
    } finally {
      release();
    }
  }
}

export type GraphSessionOptions = RequestPolicy & {
  graphUrl: string;
  accessToken: string;
  clientId: string;
  mailbox: string;
};

export type GraphMailbox = {
  get<T = unknown>(path: string, query?: { select?: string[]; top?: number }): Promise<T>;
  post<T = unknown>(path: string, body: unknown): Promise<T>;
  delete(path: string): Promise<void>;
};

export function failureOf(error: unknown, record: RequestRecord): MicrosoftFailure {
  if (record.transport) return { kind: "transport", transport: record.transport };
  if (error instanceof GraphError && error.statusCode > 0) {
    let body: unknown;
    try {
      body = { error: typeof error.body === "string" ? JSON.parse(error.body) : error.body };
    } catch {
      body = undefined;
    }
    return graphFailureFromBody(body, error.statusCode, error.headers);
  }
  return { kind: "client", code: error instanceof Error ? error.name : "unknown" };
}

/**
 * Requests under /users/{mailbox} for one run. `policy.signal` stops them all;
 * the mailbox is validated before it enters a URL and encoded.
 */
export function graphMailbox(options: GraphSessionOptions): GraphMailbox {
  if (!isMailboxAddress(options.mailbox)) throw new TypeError("mailbox must be an email address");
  const graph = new URL(options.graphUrl);
  const plainHttpAuth = graph.protocol === "http:" ? { origin: graph.origin, authorization: `Bearer ${options.accessToken}` } : undefined;
  const middleware = [
    new AuthenticationHandler({ getAccessToken: async () => options.accessToken }),
    new TelemetryHandler(),
    new BoundedRequestHandler(options, mailboxKey(options.clientId, options.mailbox), plainHttpAuth),
    new HTTPMessageHandler(),
  ];
  const client = Client.initWithMiddleware({
    baseUrl: `${options.graphUrl.replace(/\/+$/, "")}/`,
    middleware,
    // The client attaches the token only to Microsoft's own Graph hosts unless told otherwise.
    customHosts: new Set([graph.hostname]),
  });
  const base = `/users/${pathSegment(options.mailbox)}`;

  async function send<T>(build: (record: RequestRecord) => Promise<T>): Promise<T> {
    const record = new RequestRecord();
    try {
      return await build(record);
    } catch (error) {
      // A 2xx whose body could not be read (e.g. an empty 202 labelled JSON) still succeeded.
      if (error instanceof GraphError && error.statusCode >= 200 && error.statusCode < 300) return undefined as T;
      throw new MicrosoftRequestError(failureOf(error, record));
    }
  }

  return {
    get: (path, query) =>
      send((record) => {
        let request = client.api(`${base}${path}`).middlewareOptions([record]);
        if (query?.select) request = request.select(query.select);
        if (query?.top) request = request.top(query.top);
        return request.get();
      }),
    post: (path, body) => send((record) => client.api(`${base}${path}`).middlewareOptions([record]).post(body)),
    delete: (path) => send((record) => client.api(`${base}${path}`).middlewareOptions([record]).delete()),
  };
}
