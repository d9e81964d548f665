import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { screenReports } from "@/lib/db/schema";
import { recordScreenReport } from "@/lib/guide/screen-reports";

const form = (values: Record<string, string>) => ({ get: (name: string) => values[name] ?? null });

describe("recording a 'this screen looks different' report", () => {
  it("stores the step, browser and description for staff", async () => {
    const state = await recordScreenReport(
      form({ step: "add-permissions", browser: "Firefox on macOS", body: "There is no Add a permission button." }),
      { ip: "203.0.113.1" },
    );
    expect(state).toEqual({ status: "sent" });
    const rows = await db().select().from(screenReports);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ step: "add-permissions", browser: "Firefox on macOS", body: "There is no Add a permission button." });
  });

  it("stores nothing for bad input and says what to fix", async () => {
    const before = await db().$count(screenReports);
    const state = await recordScreenReport(form({ step: "add-permissions", body: "" }), { ip: "203.0.113.2" });
    expect(state).toMatchObject({ status: "invalid", errors: { body: "Describe what looks different" } });
    expect(await db().$count(screenReports)).toBe(before);
  });

  it("refuses a fourth report from one address within a minute, but not another address's", async () => {
    const ip = "203.0.113.3";
    const results = [];
    for (let i = 0; i < 4; i++) results.push(await recordScreenReport(form({ step: "copy-ids", body: `report ${i}` }), { ip }));
    expect(results.map((r) => r.status)).toEqual(["sent", "sent", "sent", "refused"]);
    expect(results[3]).toMatchObject({ message: expect.stringContaining("Wait a minute") });
    expect(await recordScreenReport(form({ step: "copy-ids", body: "other" }), { ip: "203.0.113.4" })).toEqual({ status: "sent" });
  });
});
