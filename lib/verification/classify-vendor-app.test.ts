import { describe, expect, it } from "vitest";
import { aadFailureFromText } from "../microsoft/failures";
import { classifyTokenFailure } from "./classify";

/** The token endpoint's answers for the vendor's multi-tenant app in a customer tenant (the `vendor-app` method), by code. */

const body = (code: number, error = "unauthorized_client") =>
  JSON.stringify({
    error,
    error_description: `AADSTS${code}: …\r\nTrace ID: 40dccc8c-276d-4927-b6e0-583bf24f9000\r\nCorrelation ID: 55f49a48-adab-4470-b42d-f100f63bc15d\r\nTimestamp: 2026-06-09 14:01:21Z`,
    error_codes: [code],
    timestamp: "2026-06-09 14:01:21Z",
    trace_id: "40dccc8c-276d-4927-b6e0-583bf24f9000",
  });

const vendor = (code: number) => classifyTokenFailure(aadFailureFromText(body(code), 400)!, { secretLooksLikeSecretId: false, method: "vendor-app" });

describe("classifying the vendor app's token errors", () => {
  it("a tenant without its enterprise application (never consented, removed, deleted) is vendor-app-not-consented", () => {
    for (const code of [700016, 700011, 7000229]) expect(vendor(code)).toMatchObject({ status: "fail", reason: "vendor-app-not-consented", microsoft: { code: `AADSTS${code}` } });
  });

  it("a disabled enterprise application is vendor-app-disabled", () => {
    expect(vendor(7000112)).toMatchObject({ status: "fail", reason: "vendor-app-disabled" });
  });

  it("the vendor's own certificate refused is ours to fix, not the brokerage's", () => {
    for (const code of [700027, 7000274, 700024]) expect(vendor(code)).toMatchObject({ status: "error", reason: "unexpected" });
  });

  it("the same 700016 for a brokerage's own app still means a wrong client id", () => {
    const own = classifyTokenFailure(aadFailureFromText(body(700016), 400)!, { secretLooksLikeSecretId: false, method: "certificate" });
    expect(own.reason).toBe("app-not-found");
  });
});
