import type { ServerResponse } from "node:http";
import { sendJson } from "../responses";

/**
 * Google's error shapes: the token endpoint's OAuth `{ error, error_description }`; Calendar
 * and Gmail's envelope with `errors[]` (and, lately, `status` and `details`); the People
 * API's newer envelope with `status` and `details[]` (google.rpc.ErrorInfo) and no `errors[]`.
 */

export function sendTokenError(res: ServerResponse, status: number, error: string, description: string, retryAfterSeconds?: number) {
  sendJson(res, status, { error, error_description: description }, retryAfterSeconds ? { "retry-after": String(retryAfterSeconds) } : {});
}

export type ApiErrorShape = { code: number; message: string; status?: string; reason?: string; domain?: string; detailReason?: string; metadata?: Record<string, string> };

export function sendApiError(res: ServerResponse, legacy: boolean, e: ApiErrorShape, retryAfterSeconds?: number) {
  const details = e.detailReason
    ? [{ "@type": "type.googleapis.com/google.rpc.ErrorInfo", reason: e.detailReason, domain: "googleapis.com", metadata: e.metadata ?? {} }]
    : undefined;
  const error = {
    code: e.code,
    message: e.message,
    ...(legacy && e.reason ? { errors: [{ message: e.message, domain: e.domain ?? "global", reason: e.reason }] } : {}),
    ...(e.status ? { status: e.status } : {}),
    ...(details ? { details } : {}),
  };
  sendJson(res, e.code, { error }, retryAfterSeconds ? { "retry-after": String(retryAfterSeconds) } : {});
}

const STATUS_OF: Record<number, string> = { 400: "INVALID_ARGUMENT", 401: "UNAUTHENTICATED", 403: "PERMISSION_DENIED", 404: "NOT_FOUND", 429: "RESOURCE_EXHAUSTED", 500: "INTERNAL", 503: "UNAVAILABLE", 504: "DEADLINE_EXCEEDED" };

/** An injected status in the route's own shape. */
export function faultShape(status: number, reason?: string): ApiErrorShape {
  if (status === 429) return { code: 429, message: "Quota exceeded for quota metric 'Queries' and limit 'Queries per minute per user'.", status: "RESOURCE_EXHAUSTED", reason: reason ?? "rateLimitExceeded", domain: "usageLimits", detailReason: "RATE_LIMIT_EXCEEDED" };
  if (status === 403 && (reason ?? "rateLimitExceeded") === "rateLimitExceeded") return { code: 403, message: "Rate Limit Exceeded", reason: "rateLimitExceeded", domain: "usageLimits" };
  if (status === 503) return { code: 503, message: "The service is currently unavailable.", status: "UNAVAILABLE", reason: reason ?? "backendError" };
  return { code: status, message: "Injected by the simulator", status: STATUS_OF[status], reason };
}
