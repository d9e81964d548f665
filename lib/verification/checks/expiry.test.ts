import { describe, expect, it } from "vitest";
import type { RunContext } from "../context";
import { checkSecretExpiry } from "./expiry";

const today = new Date("2026-11-26T15:30:00Z");
const check = (secretExpiresOn: string) => checkSecretExpiry({ input: { secretExpiresOn }, now: () => today } as unknown as RunContext);

describe("secret.expiry", () => {
  it("fails a date in the past", async () => {
    expect(await check("2026-11-25")).toMatchObject({ status: "fail", reason: "secret-expiry-past", detail: expect.stringContaining("1 day ago") });
  });

  it("warns when the secret expires within 30 days, today included", async () => {
    expect(await check("2026-11-26")).toMatchObject({ status: "warn", reason: "secret-expiring-soon", detail: expect.stringContaining("today") });
    expect(await check("2026-12-26")).toMatchObject({ status: "warn", reason: "secret-expiring-soon", data: { days: 30 } });
  });

  it("passes a date within 24 months", async () => {
    expect(await check("2026-12-27")).toMatchObject({ status: "pass", data: { days: 31 } });
    expect(await check("2028-11-29")).toMatchObject({ status: "pass" });
  });

  it("warns about a date beyond what the Entra admin center offers (likely a typo)", async () => {
    expect(await check("2028-11-30")).toMatchObject({ status: "warn", reason: "secret-expiry-too-far" });
    expect(await check("2062-11-26")).toMatchObject({ status: "warn", reason: "secret-expiry-too-far", guideAnchor: "create-secret" });
  });
});
