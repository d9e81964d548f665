import { AuthError, InteractionRequiredAuthError, ServerError } from "@azure/msal-node";
import { codesFromDescription, isoTimestamp, type AadFailure, type MicrosoftFailure } from "./failures";
import type { TransportCause } from "./http";

/** What the network client saw of the last token exchange (error bodies only: never a token). */
export type TokenExchangeRecord = { httpStatus?: number; aad?: AadFailure; transport?: TransportCause };

const TRACE_ID = /Trace ID: ([0-9a-f-]{36})/i;
const CORRELATION_ID = /Correlation ID: ([0-9a-f-]{36})/i;
const TIMESTAMP = /Timestamp: (\d{4}-\d\d-\d\d[ T]\d\d:\d\d:\d\dZ?)/;

/**
 * The failure behind an error thrown by MSAL. The raw answer recorded by our
 * network client comes first; otherwise MSAL's own fields: `errorNo` (a number at
 * run time, whatever the types say) and, when the body had no `error_codes`, the
 * AADSTS number in the description.
 */
export function failureFromMsalError(error: unknown, record: TokenExchangeRecord = {}): MicrosoftFailure {
  if (record.transport) return { kind: "transport", transport: record.transport };
  if (record.aad) return record.aad;
  if (error instanceof ServerError || error instanceof InteractionRequiredAuthError) {
    const description = error.errorMessage ?? "";
    const errorNo = error.errorNo === undefined || error.errorNo === null ? NaN : Number(error.errorNo);
    const codes = Number.isFinite(errorNo) && errorNo > 0 ? [errorNo] : codesFromDescription(description);
    const interaction = error instanceof InteractionRequiredAuthError ? error : undefined;
    return {
      kind: "aad",
      httpStatus: (error instanceof ServerError ? error.status : undefined) ?? record.httpStatus,
      error: error.errorCode || undefined,
      codes,
      subError: error.subError || undefined,
      traceId: interaction?.traceId || TRACE_ID.exec(description)?.[1],
      correlationId: error.correlationId || CORRELATION_ID.exec(description)?.[1],
      timestamp: isoTimestamp(interaction?.timestamp) ?? isoTimestamp(TIMESTAMP.exec(description)?.[1]),
    };
  }
  if (record.httpStatus && record.httpStatus >= 400) return { kind: "aad", httpStatus: record.httpStatus, codes: [] };
  if (error instanceof AuthError) return { kind: "client", code: error.errorCode || error.name };
  return { kind: "client", code: error instanceof Error ? error.name : "unknown" };
}
