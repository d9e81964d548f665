import { describe, expect, it } from "vitest";
import { decodeCursor, encodeCursor, pageParams } from "./keyset";

const ID = "0b6f2f4e-1d2c-4c55-9a8e-2f1b6c9d7e10";

describe("keyset cursors", () => {
  it("round-trip keys of every part type", () => {
    expect(decodeCursor(encodeCursor(["2026-03-01 10:15:02.123456+00", ID]), ["timestamp", "guid"])).toEqual(["2026-03-01 10:15:02.123456+00", ID]);
    expect(decodeCursor(encodeCursor(["2027-03-31", ID]), ["day", "guid"])).toEqual(["2027-03-31", ID]);
    expect(decodeCursor(encodeCursor([4711]), ["serial"])).toEqual([4711]);
  });

  it("read anything else as no cursor", () => {
    const bad = (key: unknown[]) => Buffer.from(JSON.stringify(key)).toString("base64url");
    expect(decodeCursor(undefined, ["serial"])).toBeNull();
    expect(decodeCursor("", ["serial"])).toBeNull();
    expect(decodeCursor("not-a-cursor", ["serial"])).toBeNull();
    expect(decodeCursor(bad(["2026-03-01'; drop table x", "x"]), ["timestamp", "guid"])).toBeNull();
    expect(decodeCursor(bad([ID, "2027-03-31"]), ["day", "guid"])).toBeNull();
    expect(decodeCursor(bad(["2027-13-45", ID]), ["day", "guid"])).toBeNull();
    expect(decodeCursor(bad([4711, 1]), ["serial"])).toBeNull();
    expect(decodeCursor(bad([-1]), ["serial"])).toBeNull();
    expect(decodeCursor(bad([1.5]), ["serial"])).toBeNull();
    expect(decodeCursor(bad(["4711"]), ["serial"])).toBeNull();
    expect(decodeCursor(Buffer.from('{"a":1}').toString("base64url"), ["serial"])).toBeNull();
    expect(decodeCursor("x".repeat(201), ["serial"])).toBeNull();
  });
});

describe("page search params", () => {
  it("keep good values", () => {
    expect(pageParams({ page: "3", cursor: "abc" })).toEqual({ page: 3, cursor: "abc" });
    expect(pageParams({})).toEqual({});
  });

  it("ignore bad ones instead of failing", () => {
    for (const page of ["0", "-2", "1.5", "two", "", "1e9", ["2", "3"]]) expect(pageParams({ page }).page).toBeUndefined();
    for (const cursor of ["", "x".repeat(201), ["a", "b"]]) expect(pageParams({ cursor }).cursor).toBeUndefined();
  });
});
