import { describe, expect, it } from "vitest";
import { emailAddress } from "./people";

describe("people's details", () => {
  it("lower-cases and trims email addresses, and explains a bad one", () => {
    expect(emailAddress("the recipient's email address").parse("  IT@Harbor.Example ")).toBe("it@harbor.example");
    const bad = emailAddress("the recipient's email address").safeParse("it@");
    expect(bad.success === false && bad.error.issues[0]?.message).toBe("Enter an email address in the correct format, like name@example.com");
  });
});
