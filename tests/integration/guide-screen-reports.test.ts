import { describe, expect, it } from "vitest";
import { performAction } from "@/lib/actions/action";
import { db } from "@/lib/db/client";
import { screenReports } from "@/lib/db/schema";
import { screenReport } from "@/lib/guide/screen-reports";

const form = (values: Record<string, string>) => {
  const data = new FormData();
  for (const [name, value] of Object.entries(values)) data.set(name, value);
  return data;
};
const from = (ip: string) => new Headers({ "x-portal-client-address": ip });
const recordScreenReport = (data: FormData, ip: string) => performAction(screenReport, data, from(ip));

describe("recording a 'this screen looks different' report", () => {
  it("stores the step, browser and description for staff", async () => {
    const state = await recordScreenReport(
      form({ step: "add-permissions", browser: "Firefox on macOS", body: "There is no Add a permission button." }),
      "203.0.113.1",
    );
    expect(state).toEqual({ status: "ok", result: null });
    const rows = await db().select().from(screenReports);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ step: "add-permissions", browser: "Firefox on macOS", body: "There is no Add a permission button." });
  });

  it("stores nothing for bad input and says what to fix", async () => {
    const before = await db().$count(screenReports);
    const state = await recordScreenReport(form({ step: "add-permissions", body: "" }), "203.0.113.2");
    expect(state).toMatchObject({ status: "invalid", errors: { body: "Describe what looks different" } });
    expect(await db().$count(screenReports)).toBe(before);
  });

  it("refuses a fourth report from one address within a minute, but not another address's", async () => {
    const ip = "203.0.113.3";
    const results = [];
    for (let i = 0; i < 4; i++) results.push(await recordScreenReport(form({ step: "copy-ids", body: `report ${i}` }), ip));
    expect(results.map((r) => r.status)).toEqual(["ok", "ok", "ok", "error"]);
    expect(results[3]).toMatchObject({ message: expect.stringContaining("Wait a minute"), values: { body: "report 3" } });
    expect(await recordScreenReport(form({ step: "copy-ids", body: "other" }), "203.0.113.4")).toEqual({ status: "ok", result: null });
  });
});
