import { randomUUID } from "node:crypto";
import type { ServerResponse } from "node:http";

/**
 * Answers in Microsoft's shapes: the identity platform's OAuth error bodies
 * (`error`, `error_description` starting "AADSTSnnnn:", `error_codes`, `timestamp`,
 * `trace_id`, `correlation_id`, `error_uri`) and Graph's `{ error: { code, message,
 * innerError } }` with `request-id` headers.
 */

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  const text = body === undefined ? "" : JSON.stringify(body);
  res.writeHead(status, {
    ...(text ? { "content-type": "application/json; charset=utf-8", "content-length": String(Buffer.byteLength(text)) } : { "content-length": "0" }),
    "cache-control": "no-store, no-cache",
    ...headers,
  });
  res.end(text);
}

/** "2026-11-26 06:42:57Z", the identity platform's timestamp format. */
const aadTime = (d = new Date()) => d.toISOString().replace("T", " ").replace(/\.\d+Z$/, "Z");

export type AadErrorOptions = { status: number; error: string; code: number; description: string; correlationId?: string; subError?: string; retryAfterSeconds?: number };

export function sendAadError(res: ServerResponse, authorityHost: string, o: AadErrorOptions) {
  const traceId = randomUUID();
  const correlationId = o.correlationId ?? randomUUID();
  const timestamp = aadTime();
  sendJson(
    res,
    o.status,
    {
      error: o.error,
      error_description: `AADSTS${o.code}: ${o.description}\r\nTrace ID: ${traceId}\r\nCorrelation ID: ${correlationId}\r\nTimestamp: ${timestamp}`,
      error_codes: [o.code],
      timestamp,
      trace_id: traceId,
      correlation_id: correlationId,
      error_uri: `${authorityHost}/error?code=${o.code}`,
      ...(o.subError ? { suberror: o.subError } : {}),
    },
    { "x-ms-request-id": traceId, ...(o.retryAfterSeconds !== undefined ? { "retry-after": String(o.retryAfterSeconds) } : {}) },
  );
}

export function sendGraphError(
  res: ServerResponse,
  status: number,
  code: string,
  message: string,
  options: { clientRequestId?: string; retryAfterSeconds?: number } = {},
) {
  const requestId = randomUUID();
  const clientRequestId = options.clientRequestId ?? requestId;
  sendJson(
    res,
    status,
    {
      error: {
        code,
        message,
        innerError: { date: new Date().toISOString().replace(/\.\d+Z$/, ""), "request-id": requestId, "client-request-id": clientRequestId },
      },
    },
    {
      "request-id": requestId,
      "client-request-id": clientRequestId,
      ...(options.retryAfterSeconds !== undefined ? { "retry-after": String(options.retryAfterSeconds) } : {}),
    },
  );
}

/** Graph's answer to a bare status injected as a fault. */
export const GRAPH_STATUS_CODES: Record<number, { code: string; message: string }> = {
  429: { code: "ApplicationThrottled", message: "Application is over its MailboxConcurrency limit." },
  500: { code: "InternalServerError", message: "An internal server error occurred. The operation failed." },
  502: { code: "BadGateway", message: "The server received an invalid response from the upstream server." },
  503: { code: "ServiceUnavailable", message: "Service is temporarily unavailable. Please try again later." },
  504: { code: "GatewayTimeout", message: "The gateway did not receive a timely response from the upstream server." },
};
