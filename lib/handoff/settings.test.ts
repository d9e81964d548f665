import { describe, expect, it } from "vitest";
import { parseEnv } from "../env";

describe("hand-off and re-verification settings", () => {
  it("accepts a whsec_ secret and a five-field cron, and defaults re-verification to daily", () => {
    const result = parseEnv({ WEBHOOK_URL: "https://sync.example/hooks/", WEBHOOK_SECRET: "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw" });
    expect(result.ok && result.env).toMatchObject({ WEBHOOK_URL: "https://sync.example/hooks", REVERIFY_CRON: "0 6 * * *" });
    expect(parseEnv({ REVERIFY_CRON: "30 */6 * * 1-5" }).ok).toBe(true);
  });

  it("names the variable when a value is wrong, without echoing the secret", () => {
    const result = parseEnv({ WEBHOOK_URL: "ftp://x", WEBHOOK_SECRET: "whsec_short-and-wrong", REVERIFY_CRON: "daily" });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual([
      "WEBHOOK_URL must be an http(s) URL, like https://example.com",
      "WEBHOOK_SECRET must be whsec_ followed by base64 of 24 to 64 bytes",
      "REVERIFY_CRON must be a cron expression with five fields, like 0 6 * * *",
    ]);
    expect(result.errors.join("\n")).not.toContain("short-and-wrong");
  });
});
