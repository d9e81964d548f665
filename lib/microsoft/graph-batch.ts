import "server-only";
import { AuthenticationHandler, Client, HTTPMessageHandler, TelemetryHandler } from "@microsoft/microsoft-graph-client";
import { graphFailureFromBody, MicrosoftRequestError, type MicrosoftFailure } from "./failures";
import { failureOf, BoundedRequestHandler, RequestRecord } from "./graph-client";
import type { RequestPolicy } from "./http";

/**
 * Microsoft Graph JSON batching (`POST /v1.0/$batch`): up to 20 requests in one round
 * trip, each answered with its own status, headers and body. A throttled request inside
 * a batch comes back as its own 429 with Retry-After while the others succeed, so the
 * caller retries only those. The batch request itself goes through the same bounded
 * handler (timeout, retry policy) as every Graph request.
 */

/** Graph's limit on requests in one batch. */
export const MAX_BATCH_REQUESTS = 20;

export type BatchRequest = { id: string; method: "GET"; url: string };

export type BatchAnswer =
  | { id: string; ok: true; status: number; body: unknown }
  | { id: string; ok: false; status: number; failure: MicrosoftFailure; retryAfterMs?: number };

type RawResponse = { id?: unknown; status?: unknown; headers?: unknown; body?: unknown };

export type GraphBatchOptions = RequestPolicy & { graphUrl: string; accessToken: string };

function answerOf(raw: RawResponse): BatchAnswer | undefined {
  if (typeof raw.id !== "string" || typeof raw.status !== "number") return undefined;
  if (raw.status >= 200 && raw.status < 300) return { id: raw.id, ok: true, status: raw.status, body: raw.body };
  const headers = new Headers();
  if (raw.headers && typeof raw.headers === "object") {
    for (const [name, value] of Object.entries(raw.headers as Record<string, unknown>)) if (typeof value === "string") headers.set(name, value);
  }
  const retryAfter = headers.get("retry-after");
  return {
    id: raw.id,
    ok: false,
    status: raw.status,
    failure: graphFailureFromBody(raw.body, raw.status, headers),
    ...(retryAfter && /^\d+$/.test(retryAfter) ? { retryAfterMs: Number(retryAfter) * 1000 } : {}),
  };
}

/** One client per run: the token and policy are the run's. */
export function graphBatch(options: GraphBatchOptions) {
  const graph = new URL(options.graphUrl);
  const client = Client.initWithMiddleware({
    baseUrl: `${options.graphUrl.replace(/\/+$/, "")}/`,
    middleware: [
      new AuthenticationHandler({ getAccessToken: async () => options.accessToken }),
      new TelemetryHandler(),
      new BoundedRequestHandler(options, undefined),
      new HTTPMessageHandler(),
    ],
    customHosts: new Set([graph.hostname]),
  });

  /** Sends up to 20 requests; answers in the order asked. A whole-batch failure throws MicrosoftRequestError. */
  return async function send(requests: readonly BatchRequest[]): Promise<BatchAnswer[]> {
    if (requests.length === 0) return [];
    if (requests.length > MAX_BATCH_REQUESTS) throw new RangeError(`A Graph batch holds at most ${MAX_BATCH_REQUESTS} requests`);
    const record = new RequestRecord();
    let body: { responses?: unknown };
    try {
      body = await client.api("/$batch").middlewareOptions([record]).post({ requests });
    } catch (error) {
      throw new MicrosoftRequestError(failureOf(error, record));
    }
    const byId = new Map<string, BatchAnswer>();
    for (const raw of Array.isArray(body?.responses) ? (body.responses as RawResponse[]) : []) {
      const answer = answerOf(raw ?? {});
      if (answer) byId.set(answer.id, answer);
    }
    return requests.map(
      (r) => byId.get(r.id) ?? { id: r.id, ok: false, status: 0, failure: { kind: "client", code: "missing_batch_response" } },
    );
  };
}

export type GraphBatchSender = ReturnType<typeof graphBatch>;
