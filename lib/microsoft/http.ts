/**
 * HTTP plumbing shared by every call to Microsoft: a timeout on each attempt, and
 * one retry policy (429/503/504, honouring Retry-After) drawing on one time budget
 * per verification run, so retries never multiply across layers.
 */

export type TransportCause = "timeout" | "network" | "aborted";

/** No HTTP answer: the request timed out, the connection failed, or the run was stopped. */
export class TransportError extends Error {
  constructor(readonly transport: TransportCause) {
    super(
      transport === "timeout"
        ? "Microsoft did not answer in time"
        : transport === "aborted"
          ? "The request was stopped"
          : "Microsoft could not be reached",
    );
    this.name = "TransportError";
  }
}

export const RETRYABLE_STATUSES: ReadonlySet<number> = new Set([429, 503, 504]);
/** One request and at most three retries. */
export const MAX_ATTEMPTS = 4;
const BACKOFF_BASE_MS = 500;

/** Total time a run may spend waiting before retries, shared by all its requests. */
export class RetryBudget {
  private remaining: number;
  constructor(readonly totalMs: number) {
    this.remaining = totalMs;
  }
  get remainingMs() {
    return this.remaining;
  }
  /** Spends `ms` if that much is left. */
  take(ms: number): boolean {
    if (ms > this.remaining) return false;
    this.remaining -= ms;
    return true;
  }
}

type HeaderSource = Headers | Record<string, string | undefined>;

function header(headers: HeaderSource, name: string): string | undefined {
  if (headers instanceof Headers) return headers.get(name) ?? undefined;
  const key = Object.keys(headers).find((k) => k.toLowerCase() === name);
  return key ? headers[key] : undefined;
}

/** Retry-After as delay-seconds or an HTTP date (RFC 9110 §10.2.3). */
export function retryAfterMs(headers: HeaderSource, now = Date.now()): number | undefined {
  const value = header(headers, "retry-after")?.trim();
  if (!value) return undefined;
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/**
 * How long to wait before another attempt, or undefined to stop: the status is
 * not retryable, the attempts are used up, or the wait would overrun the budget.
 */
export function nextRetryDelay(status: number, headers: HeaderSource, attempt: number, budget: RetryBudget): number | undefined {
  if (!RETRYABLE_STATUSES.has(status) || attempt >= MAX_ATTEMPTS) return undefined;
  const delay = retryAfterMs(headers) ?? BACKOFF_BASE_MS * 2 ** (attempt - 1);
  return budget.take(delay) ? delay : undefined;
}

export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new TransportError("aborted"));
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(new TransportError("aborted"));
    };
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}

/** The signal for one attempt: its own timeout, plus the caller's signal when given. */
export function attemptSignal(timeoutMs: number, outer?: AbortSignal): { signal: AbortSignal; timeout: AbortSignal } {
  const timeout = AbortSignal.timeout(timeoutMs);
  return { signal: outer ? AbortSignal.any([timeout, outer]) : timeout, timeout };
}

/** Why an attempt produced no response, from which signal fired. */
export function transportCause(timeout: AbortSignal, outer?: AbortSignal): TransportCause {
  if (outer?.aborted) return "aborted";
  return timeout.aborted ? "timeout" : "network";
}

export type HttpResult = { status: number; headers: Headers; text: string };

export type RequestPolicy = { timeoutMs: number; budget: RetryBudget; signal?: AbortSignal };

/** One HTTP exchange, body included, within the timeout. */
async function attempt(url: string, init: RequestInit, policy: RequestPolicy): Promise<HttpResult> {
  const { signal, timeout } = attemptSignal(policy.timeoutMs, policy.signal);
  try {
    const response = await fetch(url, { ...init, signal, redirect: "manual" });
    return { status: response.status, headers: response.headers, text: await response.text() };
  } catch {
    throw new TransportError(transportCause(timeout, policy.signal));
  }
}

/** A request retried under the shared policy; the last response is returned whatever its status. */
export async function requestWithRetries(url: string, init: RequestInit, policy: RequestPolicy): Promise<HttpResult> {
  for (let n = 1; ; n++) {
    const result = await attempt(url, init, policy);
    const delay = nextRetryDelay(result.status, result.headers, n, policy.budget);
    if (delay === undefined) return result;
    await sleep(delay, policy.signal);
  }
}

export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
