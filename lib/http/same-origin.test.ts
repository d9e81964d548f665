import { describe, expect, it } from "vitest";
import { isSameOrigin } from "./same-origin";

const APP = "https://portal.example.com";

describe("the same-origin check", () => {
  it("accepts the portal's own origin", () => {
    expect(isSameOrigin(new Headers({ origin: "https://portal.example.com" }), APP)).toBe(true);
  });

  it("refuses another origin, even one whose Host header was made to match", () => {
    expect(isSameOrigin(new Headers({ origin: "https://evil.example", host: "evil.example" }), APP)).toBe(false);
    expect(isSameOrigin(new Headers({ origin: "http://portal.example.com" }), APP)).toBe(false);
    expect(isSameOrigin(new Headers({ origin: "null" }), APP)).toBe(false);
  });

  it("without Origin, accepts only Fetch Metadata saying same-origin", () => {
    expect(isSameOrigin(new Headers({ "sec-fetch-site": "same-origin" }), APP)).toBe(true);
    expect(isSameOrigin(new Headers({ "sec-fetch-site": "cross-site" }), APP)).toBe(false);
    expect(isSameOrigin(new Headers(), APP)).toBe(false);
  });
});
