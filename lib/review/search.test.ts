import { describe, expect, it } from "vitest";
import { toPrefixTsQuery } from "./search";

describe("queue search", () => {
  it("turns each word into a prefix that must match", () => {
    expect(toPrefixTsQuery("  Harbor  real ")).toBe("harbor:* & real:*");
  });

  it("drops tsquery operators and punctuation instead of failing", () => {
    expect(toPrefixTsQuery("o'brien & sons | (!)")).toBe("o:* & brien:* & sons:*");
    expect(toPrefixTsQuery("&|!():*")).toBeNull();
  });

  it("keeps letters outside ASCII", () => {
    expect(toPrefixTsQuery("Élan Immobilier")).toBe("élan:* & immobilier:*");
  });
});
