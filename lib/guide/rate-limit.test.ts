import { describe, expect, it } from "vitest";
import { createRateLimiter } from "./rate-limit";

describe("createRateLimiter", () => {
  it("allows a few per key in a window, then refuses until the window ends", () => {
    let t = 0;
    const limiter = createRateLimiter({ perKey: 3, overall: 100, windowMs: 60_000, now: () => t });
    expect([1, 2, 3, 4].map(() => limiter.take("a"))).toEqual([true, true, true, false]);
    expect(limiter.take("b")).toBe(true);
    t = 59_999;
    expect(limiter.take("a")).toBe(false);
    t = 60_000;
    expect(limiter.take("a")).toBe(true);
  });

  it("caps the total across every key", () => {
    const limiter = createRateLimiter({ perKey: 10, overall: 2, windowMs: 60_000, now: () => 0 });
    expect([limiter.take("a"), limiter.take("b"), limiter.take("c")]).toEqual([true, true, false]);
  });
});
