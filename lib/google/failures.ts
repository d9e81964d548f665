import type { TransportCause } from "../microsoft/http";

/**
 * What went wrong talking to Google, normalised from the raw answer so that classification
 * works on structure: the token endpoint's OAuth `error` (and, for `invalid_grant` only, its
 * description), the APIs' `error.code`, `error.status`, `errors[].reason` and
 * `error.details[].reason` (the People API's newer envelope has no `errors[]`).
 */

export type GoogleTokenFailure = { kind: "token"; httpStatus: number; error: string; description: string };

export type GoogleApiFailure = {
  kind: "api";
  httpStatus: number;
  /** google.rpc status, e.g. PERMISSION_DENIED. */
  status?: string;
  /** errors[].reason, e.g. rateLimitExceeded. */
  reasons: string[];
  /** error.details[].reason (google.rpc.ErrorInfo), e.g. SERVICE_DISABLED. */
  detailReasons: string[];
};

export type GoogleTransportFailure = { kind: "transport"; transport: TransportCause };

export type GoogleFailure = GoogleTokenFailure | GoogleApiFailure | GoogleTransportFailure;

/** Carries the failure through the client libraries to the checks. */
export class GoogleRequestError extends Error {
  constructor(readonly failure: GoogleFailure) {
    super(failure.kind === "transport" ? `Google request failed: ${failure.transport}` : `Google answered ${failure.httpStatus}`);
    this.name = "GoogleRequestError";
  }
}

const strings = (values: unknown[]): string[] => values.filter((v): v is string => typeof v === "string" && v.length > 0);

/** The failure an HTTP answer describes; `body` is parsed JSON or text. */
export function failureOfAnswer(httpStatus: number, body: unknown): GoogleTokenFailure | GoogleApiFailure {
  const data = typeof body === "string" ? safeJson(body) : body;
  const o = (data ?? {}) as Record<string, unknown>;
  if (typeof o.error === "string") {
    return { kind: "token", httpStatus, error: o.error, description: typeof o.error_description === "string" ? o.error_description : "" };
  }
  const e = (typeof o.error === "object" && o.error ? o.error : {}) as Record<string, unknown>;
  const list = (v: unknown): Record<string, unknown>[] => (Array.isArray(v) ? v.filter((x) => x && typeof x === "object") : []);
  return {
    kind: "api",
    httpStatus,
    status: typeof e.status === "string" ? e.status : undefined,
    reasons: strings(list(e.errors).map((x) => x.reason)),
    detailReasons: strings(list(e.details).map((x) => x.reason)),
  };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** The code to show staff for a support ticket: the most specific name Google gave. */
export function googleCode(f: GoogleFailure): string {
  if (f.kind === "transport") return f.transport;
  if (f.kind === "token") return f.error;
  return f.detailReasons[0] ?? f.reasons[0] ?? f.status ?? String(f.httpStatus);
}
