import { describe, expect, it } from "vitest";
import { InviteSchema, normaliseDomain } from "./validation";

describe("onboarding input", () => {
  it("turns what people paste into a bare domain", () => {
    expect(normaliseDomain(" https://www.Harbor-Realty.com/contact ")).toBe("harbor-realty.com");
    expect(normaliseDomain("@harbor.example.")).toBe("harbor.example");
    expect(normaliseDomain("immobilière.example")).toBe("xn--immobilire-66a.example");
  });

  it("accepts only the offered expiries and reads the email tick box", () => {
    const base = { brokerageId: "3f1b7d0e-1a2b-4c3d-8e9f-0a1b2c3d4e5f", recipientEmail: "it@harbor.example" };
    expect(InviteSchema.parse({ ...base, days: "7", sendEmail: "yes" })).toMatchObject({ days: 7, sendEmail: true, recipientName: "" });
    expect(InviteSchema.parse({ ...base, days: "30" }).sendEmail).toBe(false);
    const bad = InviteSchema.safeParse({ ...base, days: "365" });
    expect(bad.success === false && bad.error.issues[0]?.message).toBe("Choose when the link expires");
  });
});
