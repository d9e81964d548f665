import { describe, expect, it } from "vitest";
import { formatDate, formatDateTime, formatDay, formatLocalTime, formatUtcTime } from "./dates";

const AT = new Date("2026-03-14T23:30:05Z");

describe("dates", () => {
  it("write days and times in UTC for emails and staff pages", () => {
    expect(formatDate(AT)).toBe("March 14, 2026");
    expect(formatDay("2027-03-31")).toBe("March 31, 2027");
    expect(formatDateTime(AT)).toBe("Mar 14, 2026, 23:30 UTC");
  });

  it("give the brokerage's pages the same words as toLocaleString did", () => {
    const date = { day: "numeric", month: "long", year: "numeric", hour: "2-digit", minute: "2-digit" } as const;
    const time = { hour: "2-digit", minute: "2-digit" } as const;
    expect(formatUtcTime(AT, true)).toBe(`${AT.toLocaleString("en-GB", { ...date, timeZone: "UTC" })} UTC`);
    expect(formatUtcTime(AT)).toBe("23:30 UTC");
    expect(formatLocalTime(AT, true)).toBe(AT.toLocaleString("en-GB", date));
    expect(formatLocalTime(AT)).toBe(AT.toLocaleString("en-GB", time));
  });
});
