import { describe, expect, it } from "vitest";
import { SubmissionSchema } from "../validation/submission";
import { prefillFrom } from "./prefill";
import { retryDelaySeconds } from "../runs/retry-schedule";
import { resetEnvCache } from "../env";

describe("the form prefilled from the last attempt", () => {
  const attempt = {
    tenantId: "3f2a1b6c-1d2e-4f50-8a9b-0c1d2e3f4a5b",
    clientId: "9b8c7d6e-5f40-4a3b-9c2d-1e0f9a8b7c6d",
    secretExpiresOn: "2031-03-07",
    testMailbox: "agent@harbor.example",
    sendTestMessage: false,
    submitterName: "Dana Whitfield",
    submitterEmail: "it@harbor.example",
    submitterPhone: null,
  };

  it("carries every answer but the secret, in the form's own shape", () => {
    const values = prefillFrom(attempt);
    expect(values).toEqual({
      tenantId: attempt.tenantId,
      clientId: attempt.clientId,
      expiry: { day: "7", month: "3", year: "2031" },
      testMailbox: "agent@harbor.example",
      sendTestMessage: false,
      accessScope: "organization",
      outsideMailbox: "",
      submitterName: "Dana Whitfield",
      submitterEmail: "it@harbor.example",
      submitterPhone: "",
    });
    expect(values).not.toHaveProperty("clientSecret");
  });

  it("parses back to the same answers once the secret is entered again", () => {
    const parsed = SubmissionSchema.parse({ ...prefillFrom(attempt), clientSecret: "abc8Q~Zx1yW2vU3tS4rQ5pO6nM7lK8jI9hG0fEdC" });
    expect(parsed).toMatchObject({ ...attempt, submitterPhone: null });
  });

  it("starts empty, with the test message on, when there is no attempt yet", () => {
    expect(prefillFrom(null)).toMatchObject({ tenantId: "", expiry: { day: "", month: "", year: "" }, sendTestMessage: true });
  });
});

describe("automatic retries of inconclusive runs", () => {
  it("wait longer each time, then stop", () => {
    expect([0, 1, 2, 3, 4].map(retryDelaySeconds)).toEqual([120, 600, 1800, 7200, null]);
  });
});

describe("the retry schedule from configuration", () => {
  it("follows VERIFICATION_RETRY_MINUTES", () => {
    process.env.VERIFICATION_RETRY_MINUTES = "1, 5";
    resetEnvCache();
    try {
      expect([0, 1, 2].map(retryDelaySeconds)).toEqual([60, 300, null]);
    } finally {
      delete process.env.VERIFICATION_RETRY_MINUTES;
      resetEnvCache();
    }
  });
});
