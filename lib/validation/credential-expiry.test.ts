import { describe, expect, it } from "vitest";
import { daysUntil, reminderDue } from "./credential-expiry";

describe("expiry arithmetic", () => {
  it("counts whole UTC days, whatever the time of day", () => {
    expect(daysUntil("2026-06-30", new Date("2026-05-01T23:59:00Z"))).toBe(60);
    expect(daysUntil("2026-05-01", new Date("2026-05-01T00:00:01Z"))).toBe(0);
    expect(daysUntil("2026-04-30", new Date("2026-05-01T12:00:00Z"))).toBe(-1);
  });

  it("picks the most urgent reminder crossed, and the notice after expiry", () => {
    expect(reminderDue(61)).toBeNull();
    expect(reminderDue(60)).toBe(60);
    expect(reminderDue(31)).toBe(60);
    expect(reminderDue(30)).toBe(30);
    expect(reminderDue(8)).toBe(30);
    expect(reminderDue(7)).toBe(7);
    expect(reminderDue(0)).toBe(7);
    expect(reminderDue(-1)).toBe(0);
  });
});
