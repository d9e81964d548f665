import { describe, expect, it } from "vitest";
import { MAX_ATTEMPTS, nextRetryDelay, retryAfterMs, RetryBudget } from "./http";

describe("retry policy", () => {
  it("reads Retry-After as seconds or as an HTTP date", () => {
    const now = Date.parse("2026-11-26T10:00:00Z");
    expect(retryAfterMs(new Headers({ "retry-after": "3" }), now)).toBe(3000);
    expect(retryAfterMs(new Headers({ "retry-after": "Thu, 26 Nov 2026 10:00:05 GMT" }), now)).toBe(5000);
    expect(retryAfterMs({ "Retry-After": "1" }, now)).toBe(1000);
    expect(retryAfterMs(new Headers(), now)).toBeUndefined();
  });

  it("retries 429, 503 and 504 only", () => {
    for (const status of [429, 503, 504]) expect(nextRetryDelay(status, new Headers(), 1, new RetryBudget(10_000))).toBe(500);
    for (const status of [200, 400, 401, 403, 404, 500, 502]) expect(nextRetryDelay(status, new Headers(), 1, new RetryBudget(10_000))).toBeUndefined();
  });

  it("backs off exponentially without Retry-After and stops after the last attempt", () => {
    const budget = new RetryBudget(10_000);
    expect([1, 2, 3].map((n) => nextRetryDelay(503, new Headers(), n, budget))).toEqual([500, 1000, 2000]);
    expect(nextRetryDelay(503, new Headers(), MAX_ATTEMPTS, budget)).toBeUndefined();
  });

  it("shares one budget, and does not wait at all when Retry-After would overrun it", () => {
    const budget = new RetryBudget(2_500);
    expect(nextRetryDelay(429, new Headers({ "retry-after": "2" }), 1, budget)).toBe(2000);
    expect(nextRetryDelay(429, new Headers({ "retry-after": "1" }), 1, budget)).toBeUndefined();
    expect(budget.remainingMs).toBe(500);
    expect(nextRetryDelay(429, new Headers({ "retry-after": "120" }), 1, new RetryBudget(8_000))).toBeUndefined();
  });
});
