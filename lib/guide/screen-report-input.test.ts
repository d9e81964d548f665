import { describe, expect, it } from "vitest";
import { parseScreenReport } from "./screen-report-input";
import { SCREEN_REPORT_BODY_MAX } from "./screen-report-state";

const form = (values: Record<string, unknown>) => ({ get: (name: string) => values[name] ?? null });

describe("parseScreenReport", () => {
  it("accepts a report, trimming text and dropping an empty browser", () => {
    expect(parseScreenReport(form({ step: "grant-consent", browser: "  ", body: "  The button is blue now.\r\n" }))).toEqual({
      ok: true,
      value: { step: "grant-consent", browser: undefined, body: "The button is blue now." },
    });
  });

  it.each([
    ["no description", { step: "copy-ids", body: "   " }, { body: "Describe what looks different" }],
    ["a missing description", { step: "copy-ids" }, { body: "Describe what looks different" }],
    ["an unknown step", { step: "../../etc", body: "x" }, { step: "Choose the step whose screen looks different" }],
    ["a description too long", { step: "copy-ids", body: "x".repeat(SCREEN_REPORT_BODY_MAX + 1) }, { body: "Description must be 2000 characters or fewer" }],
    ["a browser too long", { step: "copy-ids", body: "x", browser: "b".repeat(201) }, { browser: "Browser must be 200 characters or fewer" }],
    ["a file instead of text", { step: "copy-ids", body: new Blob(["x"]) }, { body: "Describe what looks different" }],
  ])("explains %s", (_, values, errors) => {
    const result = parseScreenReport(form(values));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors).toEqual(errors);
  });

  it("keeps what was typed so the form can show it again", () => {
    const result = parseScreenReport(form({ step: "nope", browser: "Edge", body: "Looks odd" }));
    expect(result).toMatchObject({ ok: false, values: { browser: "Edge", body: "Looks odd" } });
  });
});
