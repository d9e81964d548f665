import { describe, expect, it } from "vitest";
import { aadstsCode, classifyConsentError, consentRemedy, CONSENT_REASONS } from "./vendor-consent-reasons";

/** The admin-consent callback's `error` and `error_description`, classified by the AADSTS code, never the wording. */

describe("classifying the admin-consent callback", () => {
  it("reads the code at the start of the description", () => {
    expect(aadstsCode("AADSTS65004: User declined to consent to access the app.")).toBe(65004);
    expect(aadstsCode("no code here")).toBeNull();
  });

  it("names each documented code", () => {
    expect(classifyConsentError("access_denied", "AADSTS65004: anything")).toEqual({ reason: "consent-declined", code: "AADSTS65004" });
    expect(classifyConsentError("access_denied", "AADSTS90094: anything")).toEqual({ reason: "consent-admin-required", code: "AADSTS90094" });
    expect(classifyConsentError("invalid_request", "AADSTS65001: anything")).toMatchObject({ reason: "consent-admin-required" });
    expect(classifyConsentError("access_denied", "AADSTS90093: anything")).toMatchObject({ reason: "consent-blocked-by-policy" });
    expect(classifyConsentError("access_denied", "AADSTS53003: anything")).toMatchObject({ reason: "consent-blocked-by-policy" });
    expect(classifyConsentError("unauthorized_client", "AADSTS700016: anything")).toMatchObject({ reason: "consent-app-unavailable" });
    expect(classifyConsentError("invalid_request", "AADSTS50011: anything")).toMatchObject({ reason: "consent-app-unavailable" });
  });

  it("a bare access_denied is the user declining; anything else is shown with its code", () => {
    expect(classifyConsentError("access_denied", null)).toEqual({ reason: "consent-declined", code: "access_denied" });
    expect(classifyConsentError("server_error", "AADSTS9999999: new")).toEqual({ reason: "consent-failed", code: "AADSTS9999999" });
  });

  it("every reason has words and a fix, never Microsoft's text", () => {
    for (const reason of CONSENT_REASONS) {
      const remedy = consentRemedy(reason);
      expect(remedy.title.length).toBeGreaterThan(10);
      expect(remedy.fix).not.toMatch(/AADSTS/);
    }
    expect(consentRemedy("consent-admin-required").fix).toContain("Global Administrator or Privileged Role Administrator");
  });
});
