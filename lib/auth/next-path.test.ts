import { describe, expect, it } from "vitest";
import { safeNextPath } from "./next-path";

describe("safeNextPath", () => {
  it("keeps a staff path with its query", () => {
    expect(safeNextPath("/staff/onboarding?stage=invited")).toBe("/staff/onboarding?stage=invited");
  });

  it("sends anything else to the staff home", () => {
    for (const value of [undefined, "", "https://evil.example/staff", "//evil.example/staff", "/\\evil.example", "/guide", "/staffing/../guide", "/staffing", "/staff/sign-in?next=/x"]) {
      expect(safeNextPath(value)).toBe("/staff/start");
    }
  });
});
