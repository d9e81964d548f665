import { Gaxios, GaxiosError, type GaxiosOptions, type GaxiosResponse } from "gaxios";
import { attemptSignal, MAX_ATTEMPTS, retryAfterMs, sleep, transportCause, type RetryBudget } from "../microsoft/http";
import { GOOGLE_TOKEN_URL } from "./endpoints";
import { failureOfAnswer, GoogleRequestError, type GoogleApiFailure, type GoogleTokenFailure } from "./failures";

/**
 * The one transport under google-auth-library and the @googleapis clients. It sends the
 * token request to the configured endpoint (the library's URL is a constant), bounds
 * each attempt with a timeout and the run's signal, and is the only retry layer: the
 * libraries' own retries are switched off on every request, and waits honour
 * Retry-After within the run's one budget.
 */

export type GooglePolicy = { tokenUrl: string; timeoutMs: number; budget: RetryBudget; signal?: AbortSignal };

/** A 403 is often throttling: these reasons are Google's "slow down", not a refusal. */
export const RATE_LIMIT_REASONS: ReadonlySet<string> = new Set(["rateLimitExceeded", "userRateLimitExceeded", "quotaExceeded", "dailyLimitExceeded", "RATE_LIMIT_EXCEEDED"]);

export function isRateLimited(f: GoogleApiFailure | GoogleTokenFailure): boolean {
  if (f.httpStatus === 429) return true;
  if (f.kind !== "api") return false;
  return f.status === "RESOURCE_EXHAUSTED" || [...f.reasons, ...f.detailReasons].some((r) => RATE_LIMIT_REASONS.has(r));
}

const TRANSIENT_STATUSES = new Set([500, 503, 504]);
const BACKOFF_BASE_MS = 500;

/** Daily quotas do not clear within a run: not worth a wait. */
const wontClearSoon = (f: GoogleApiFailure | GoogleTokenFailure) => f.kind === "api" && [...f.reasons, ...f.detailReasons].includes("dailyLimitExceeded");

export function nextGoogleRetryDelay(
  failure: GoogleApiFailure | GoogleTokenFailure,
  headers: Headers,
  attempt: number,
  budget: RetryBudget,
): number | undefined {
  const retryable = (isRateLimited(failure) && !wontClearSoon(failure)) || TRANSIENT_STATUSES.has(failure.httpStatus);
  if (!retryable || attempt >= MAX_ATTEMPTS) return undefined;
  const delay = retryAfterMs(headers) ?? BACKOFF_BASE_MS * 2 ** (attempt - 1);
  return budget.take(delay) ? delay : undefined;
}

const headersOf = (response: GaxiosResponse | undefined): Headers =>
  response?.headers instanceof Headers ? response.headers : new Headers((response?.headers ?? {}) as Record<string, string>);

export class GoogleTransporter extends Gaxios {
  constructor(private readonly policy: GooglePolicy) {
    super();
  }

  override async request<T = unknown>(options: GaxiosOptions = {}): Promise<GaxiosResponse<T>> {
    const url = String(options.url) === GOOGLE_TOKEN_URL ? this.policy.tokenUrl : options.url;
    // A form body is read once by a request: sent again as text, with its type, on each attempt.
    const form = options.data instanceof URLSearchParams ? options.data.toString() : undefined;
    for (let n = 1; ; n++) {
      const { signal, timeout } = attemptSignal(this.policy.timeoutMs, this.policy.signal);
      const body = form === undefined ? {} : { data: form, headers: Gaxios.mergeHeaders(options.headers, { "content-type": "application/x-www-form-urlencoded" }) };
      try {
        return await super.request<T>({ ...options, ...body, url, signal, retry: false, retryConfig: { retry: 0 } });
      } catch (error) {
        if (!(error instanceof GaxiosError) || !error.response) throw new GoogleRequestError({ kind: "transport", transport: transportCause(timeout, this.policy.signal) });
        const failure = failureOfAnswer(error.response.status, error.response.data);
        const delay = nextGoogleRetryDelay(failure, headersOf(error.response), n, this.policy.budget);
        if (delay === undefined) throw new GoogleRequestError(failure);
        await sleep(delay, this.policy.signal).catch(() => {
          throw new GoogleRequestError({ kind: "transport", transport: "aborted" });
        });
      }
    }
  }
}
