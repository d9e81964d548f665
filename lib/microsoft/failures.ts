import { parseJson, type TransportCause } from "./http";

/**
 * What went wrong talking to Microsoft, normalised from the raw answer so that
 * classification works on codes and structure, never on message wording.
 */

/** An answer from the Microsoft identity platform (token or discovery endpoint). */
export type AadFailure = {
  kind: "aad";
  httpStatus?: number;
  /** OAuth error, e.g. `invalid_client`. */
  error?: string;
  /** AADSTS numbers, from `error_codes` or, when absent, from the description. */
  codes: number[];
  subError?: string;
  traceId?: string;
  correlationId?: string;
  /** ISO 8601. */
  timestamp?: string;
};

/** An answer from Microsoft Graph. */
export type GraphFailure = {
  kind: "graph";
  httpStatus: number;
  /** `error.code` from the body, e.g. `ErrorInvalidUser`; empty when the body had none. */
  code: string;
  /** Microsoft's answer names an Exchange application access policy (see APPLICATION_ACCESS_POLICY). */
  accessPolicy?: boolean;
  requestId?: string;
  timestamp?: string;
};

export type TransportFailure = { kind: "transport"; transport: TransportCause };

/** A client library refused before or after the exchange (e.g. an unreadable answer). */
export type ClientFailure = { kind: "client"; code: string };

export type MicrosoftFailure = AadFailure | GraphFailure | TransportFailure | ClientFailure;

/** The identifiers of a Microsoft answer worth showing next to a check result. */
export type MicrosoftErrorInfo = {
  code: string;
  requestId?: string;
  timestamp?: string;
  /** The identity platform's correlation id, when it gave one. */
  correlationId?: string;
};

/** Thrown by lib/microsoft with the normalised failure attached. */
export class MicrosoftRequestError extends Error {
  constructor(readonly failure: MicrosoftFailure) {
    super(describe(failure));
    this.name = "MicrosoftRequestError";
  }
}

function describe(f: MicrosoftFailure): string {
  switch (f.kind) {
    case "aad":
      return `Microsoft identity platform answered ${f.httpStatus ?? "with an error"}${f.codes.length ? ` (AADSTS${f.codes[0]})` : ""}`;
    case "graph":
      return `Microsoft Graph answered ${f.httpStatus}${f.code ? ` (${f.code})` : ""}`;
    case "transport":
      return `No answer from Microsoft (${f.transport})`;
    case "client":
      return `Client library error (${f.code})`;
  }
}

const AADSTS = /AADSTS(\d{4,9})/g;

/** Every AADSTS number in a description, in order. */
export function codesFromDescription(description: string | undefined): number[] {
  return [...(description ?? "").matchAll(AADSTS)].map((m) => Number(m[1]));
}

/** "2023-05-06 06:03:00Z" (identity platform) or "2023-01-05T03:01:23" (Graph, UTC) → ISO 8601. */
export function isoTimestamp(value: unknown): string | undefined {
  if (typeof value !== "string" || !value.trim()) return undefined;
  let text = value.trim().replace(" ", "T");
  if (!/(Z|[+-]\d\d:?\d\d)$/i.test(text)) text += "Z";
  const ms = Date.parse(text);
  return Number.isNaN(ms) ? undefined : new Date(ms).toISOString().replace(/\.000Z$/, "Z");
}

const str = (v: unknown) => (typeof v === "string" && v ? v : undefined);

/** An identity platform error body (`error`, `error_description`, `error_codes`, ...). */
export function aadFailureFromBody(body: unknown, httpStatus?: number): AadFailure | undefined {
  if (!body || typeof body !== "object") return undefined;
  const b = body as Record<string, unknown>;
  if (!str(b.error) && !str(b.error_description)) return undefined;
  const listed = Array.isArray(b.error_codes) ? b.error_codes.map(Number).filter(Number.isFinite) : [];
  return {
    kind: "aad",
    httpStatus,
    error: str(b.error),
    codes: listed.length ? listed : codesFromDescription(str(b.error_description)),
    subError: str(b.suberror),
    traceId: str(b.trace_id),
    correlationId: str(b.correlation_id),
    timestamp: isoTimestamp(b.timestamp),
  };
}

export const aadFailureFromText = (text: string, httpStatus?: number) => aadFailureFromBody(parseJson(text), httpStatus);

/**
 * NOTE: Graph has no code of its own for a mailbox left out by an application access
 * policy: it answers ErrorAccessDenied "Access to OData is disabled" (documented at
 * https://learn.microsoft.com/graph/auth-limit-mailbox-access#handling-api-errors), lately
 * followed by "[RAOP] : Blocked by tenant configured AppOnly AccessPolicy settings".
 * These stable markers are the only message text read anywhere.
 */
const APPLICATION_ACCESS_POLICY = /OData is disabled|AccessPolicy|\[RAOP\]/i;

/**
 * A Graph error body: `{ error: { code, message, innerError: { date, request-id } } }`.
 * The `request-id` and `Date` headers fill in what the body lacks.
 */
export function graphFailureFromBody(body: unknown, httpStatus: number, headers?: Headers): GraphFailure {
  const error = body && typeof body === "object" ? (body as { error?: unknown }).error : undefined;
  const e = error && typeof error === "object" ? (error as Record<string, unknown>) : {};
  const innerRaw = e.innerError ?? e.innererror;
  const inner = innerRaw && typeof innerRaw === "object" ? (innerRaw as Record<string, unknown>) : {};
  return {
    kind: "graph",
    httpStatus,
    code: str(e.code) ?? "",
    ...(APPLICATION_ACCESS_POLICY.test(str(e.message) ?? "") ? { accessPolicy: true } : {}),
    requestId: str(inner["request-id"]) ?? headers?.get("request-id") ?? undefined,
    timestamp: isoTimestamp(inner.date) ?? isoTimestamp(headers?.get("date") ? new Date(headers.get("date")!).toISOString() : undefined),
  };
}
