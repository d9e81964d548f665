import { describe, expect, it } from "vitest";
import { parseEnv } from "../env";
import { isMicrosoftSignInEnabled, microsoftStaffSignIn } from "./sso";

const env = (values: Record<string, string>) => {
  const result = parseEnv(values);
  if (!result.ok) throw new Error(result.errors.join("\n"));
  return result.env;
};

describe("Microsoft sign-in for staff", () => {
  it("is off unless configured", () => {
    expect(isMicrosoftSignInEnabled(env({}))).toBe(false);
    expect(microsoftStaffSignIn(env({}))).toBeUndefined();
  });

  it("signs in existing staff only, through the configured tenant", () => {
    const provider = microsoftStaffSignIn(
      env({ STAFF_SSO_MICROSOFT_CLIENT_ID: "client", STAFF_SSO_MICROSOFT_CLIENT_SECRET: "secret", STAFF_SSO_MICROSOFT_TENANT_ID: "vendor.onmicrosoft.com" }),
    );
    expect(provider).toMatchObject({ clientId: "client", clientSecret: "secret", tenantId: "vendor.onmicrosoft.com", disableImplicitSignUp: true });
  });
});

describe("staff settings", () => {
  it("defaults reminders to three days and checks the range", () => {
    expect(env({}).REMINDER_AFTER_DAYS).toBe(3);
    const bad = parseEnv({ REMINDER_AFTER_DAYS: "0" });
    expect(bad.ok === false && bad.errors).toEqual(["REMINDER_AFTER_DAYS must be at least 1"]);
  });

  it("refuses a short session signing secret without repeating it", () => {
    const bad = parseEnv({ BETTER_AUTH_SECRET: "tooshort-secretish" });
    expect(bad.ok === false && bad.errors).toEqual(["BETTER_AUTH_SECRET must be at least 32 characters"]);
  });
});
