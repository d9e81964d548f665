import { describe, expect, it } from "vitest";
import { decodeCursor, encodeCursor } from "./cursor";

describe("queue cursors", () => {
  it("round-trips a PostgreSQL timestamp with microseconds", () => {
    const cursor = { since: "2026-03-01 10:15:02.123456+00", id: "0b6f2f4e-1d2c-4c55-9a8e-2f1b6c9d7e10" };
    expect(decodeCursor(encodeCursor(cursor))).toEqual(cursor);
  });

  it("ignores tampered or foreign values", () => {
    expect(decodeCursor("not-a-cursor")).toBeNull();
    expect(decodeCursor(Buffer.from(JSON.stringify(["2026-03-01'; drop table x", "x"])).toString("base64url"))).toBeNull();
    expect(decodeCursor(undefined)).toBeNull();
  });
});
