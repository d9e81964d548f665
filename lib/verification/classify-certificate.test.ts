import { describe, expect, it } from "vitest";
import { aadFailureFromText } from "../microsoft/failures";
import { classifyTokenFailure } from "./classify";

/**
 * The identity platform's answers to a client assertion (the `certificate` method),
 * classified by code. Bodies shaped as Microsoft sends them: 700027 and 700024 as
 * quoted in public reports; the description's wording is never what decides.
 */

const body = (code: number, description: string) =>
  JSON.stringify({
    error: "invalid_client",
    error_description: `AADSTS${code}: ${description}\r\nTrace ID: 40dccc8c-276d-4927-b6e0-583bf24f9000\r\nCorrelation ID: 55f49a48-adab-4470-b42d-f100f63bc15d\r\nTimestamp: 2026-06-09 14:01:21Z`,
    error_codes: [code],
    timestamp: "2026-06-09 14:01:21Z",
    trace_id: "40dccc8c-276d-4927-b6e0-583bf24f9000",
    correlation_id: "55f49a48-adab-4470-b42d-f100f63bc15d",
    error_uri: `https://login.microsoftonline.com/error?code=${code}`,
  });

const certificate = (code: number, description = "…") =>
  classifyTokenFailure(aadFailureFromText(body(code, description), 401)!, { secretLooksLikeSecretId: false, method: "certificate" });

describe("classifying a certificate's token errors", () => {
  it("names a key the app does not hold, or a signature that does not verify, as not uploaded", () => {
    expect(
      certificate(700027, "The certificate with identifier used to sign the client assertion is not registered on application. [Reason - The key was not found., …]"),
    ).toEqual({ status: "fail", reason: "certificate-not-uploaded", microsoft: expect.objectContaining({ code: "AADSTS700027", requestId: "40dccc8c-276d-4927-b6e0-583bf24f9000" }) });
    expect(certificate(700027, "Client assertion failed signature validation.")).toMatchObject({ reason: "certificate-not-uploaded" });
    expect(certificate(50012, "Client assertion contains an invalid signature.")).toMatchObject({ status: "fail", reason: "certificate-not-uploaded" });
    for (const revoked of [7000214, 7000277]) expect(certificate(revoked)).toMatchObject({ status: "fail", reason: "certificate-not-uploaded" });
  });

  it("names a certificate outside its validity period as expired", () => {
    for (const code of [7000274, 1000502]) expect(certificate(code)).toMatchObject({ status: "fail", reason: "certificate-expired", microsoft: { code: `AADSTS${code}` } });
  });

  it("treats clock skew and a malformed assertion as ours to fix (error), never the administrator's", () => {
    expect(certificate(700024, "Client assertion is not within its valid time range. Current time: 2024-10-02T22:05:03.6755165Z, assertion valid from 1970-01-01T00:00:00.0000000Z, expiry time of assertion 2024-10-02T21:30:53.0000000Z.")).toMatchObject({
      status: "error",
      reason: "vendor-config",
      microsoft: { code: "AADSTS700024" },
    });
    for (const code of [700021, 700023]) expect(certificate(code)).toMatchObject({ status: "error", reason: "vendor-config" });
  });

  it("keeps the other codes' reasons for a certificate run", () => {
    expect(certificate(700016)).toMatchObject({ status: "fail", reason: "app-not-found" });
    expect(certificate(7000112)).toMatchObject({ status: "fail", reason: "app-disabled" });
  });

  it("leaves 50012 unexpected for a secret run, as before", () => {
    const secret = classifyTokenFailure(aadFailureFromText(body(50012, "…"), 401)!, { secretLooksLikeSecretId: false });
    expect(secret).toMatchObject({ status: "error", reason: "unexpected" });
  });
});
