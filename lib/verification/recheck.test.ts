import { describe, expect, it } from "vitest";
import { FRESH_SETUP_WINDOW_MS, RECHECK_AFTER_MS, recheckAfterFor } from "./recheck";

describe("when a run looks twice", () => {
  const now = new Date("2026-12-02T10:00:00Z");
  it("only when the brokerage's previous attempt was minutes ago", () => {
    expect(recheckAfterFor(undefined, now)).toBeUndefined();
    expect(recheckAfterFor(new Date(now.getTime() - 60_000), now)).toBe(RECHECK_AFTER_MS);
    expect(recheckAfterFor(new Date(now.getTime() - FRESH_SETUP_WINDOW_MS - 1), now)).toBeUndefined();
    expect(recheckAfterFor(new Date(now.getTime() + 60_000), now)).toBeUndefined();
  });
});
