import { describe, expect, it } from "vitest";
import { brokerageName } from "../onboarding/validation";
import { personName } from "./people";
import { SubmissionSchema } from "./submission";
import { singleLineText } from "./text";

const messageOf = (result: { success: boolean; error?: { issues: { message: string }[] } }) => result.error?.issues[0]?.message;

describe("one rule for names and free text", () => {
  it("refuses line breaks, tabs and invisible characters in staff names as the credential form does", () => {
    for (const bad of ["Dana\nWhitfield", "Dana\tWhitfield", "Dana\u200bWhitfield", "Dana\u2028Whitfield"]) {
      expect(messageOf(personName("their full name").safeParse(bad))).toBe(
        "Their full name must not contain hidden or control characters: type it or copy it again",
      );
      expect(messageOf(brokerageName.safeParse(bad))).toMatch(/^Brokerage name must not contain hidden or control characters/);
    }
    const credential = SubmissionSchema.safeParse({ submitterName: "Dana\u200bWhitfield" });
    expect(credential.error?.issues.find((i) => i.path[0] === "submitterName")?.message).toMatch(/must not contain hidden or control characters: type it or copy it again$/);
  });

  it("trims, makes runs of spaces one and keeps ordinary text", () => {
    expect(personName("their full name").parse("  Dana   Whitfield ")).toBe("Dana Whitfield");
    expect(singleLineText("Name", { max: 5 }).safeParse("abcdef").error?.issues[0]?.message).toBe("Name must be 5 characters or fewer");
    expect(personName("the recipient's name", { optional: true }).parse(undefined)).toBe("");
  });
});
