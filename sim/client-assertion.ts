import { constants, verify, X509Certificate } from "node:crypto";
import type { SimApp, SimKeyCredential } from "./model";

/**
 * Client assertions (RFC 7523 as the identity platform takes them): a JWT signed
 * RS256 or PS256 with the private key of a certificate uploaded to the app, named by
 * its `x5t#S256` (or SHA-1 `x5t`) header. Each failure answers with the AADSTS code
 * and words login.microsoftonline.com uses for it.
 */

export const JWT_BEARER = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

export type AssertionFailure = { status: number; error: string; code: number; description: string };
export type AssertionResult = { ok: true; key: SimKeyCredential; jti: string } | { ok: false; failure: AssertionFailure };

const invalidClient = (code: number, description: string): AssertionResult => ({
  ok: false,
  failure: { status: 401, error: "invalid_client", code, description },
});

const decode = (part: string): Record<string, unknown> | undefined => {
  try {
    const value = JSON.parse(Buffer.from(part, "base64url").toString("utf8")) as unknown;
    return value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
};

const isoSeconds = (seconds: number) => new Date(seconds * 1000).toISOString().replace(/\.\d{3}Z$/, ".0000000Z");

/** Clock skew the identity platform tolerates on nbf and exp. */
const SKEW_SECONDS = 300;

export type AssertionCheck = {
  assertion: string;
  app: SimApp;
  clientId: string;
  /** Audiences accepted: the token endpoint of this tenant, by id and by the path segment used. */
  audiences: string[];
  seenJti: Set<string>;
  now?: Date;
};

export function verifyClientAssertion(check: AssertionCheck): AssertionResult {
  const { app } = check;
  const parts = check.assertion.split(".");
  const header = parts.length === 3 ? decode(parts[0]!) : undefined;
  const claims = parts.length === 3 ? decode(parts[1]!) : undefined;
  if (!header || !claims) return invalidClient(50027, "JWT token is invalid or malformed.");
  const alg = header.alg;
  if (alg !== "RS256" && alg !== "PS256") return invalidClient(5002730, "Invalid JWT token. Unsupported key for the signing algorithm.");

  if (claims.iss !== check.clientId || claims.sub !== check.clientId) {
    return invalidClient(700021, `Client assertion application identifier doesn't match 'client_id' parameter. Review the documentation at https://learn.microsoft.com/entra/identity-platform/certificate-credentials .`);
  }
  if (typeof claims.aud !== "string" || !check.audiences.includes(claims.aud)) {
    return invalidClient(700023, `Client assertion audience claim does not match Realm issuer. Review the documentation at https://learn.microsoft.com/entra/identity-platform/certificate-credentials .`);
  }
  const now = Math.floor((check.now ?? new Date()).getTime() / 1000);
  const exp = typeof claims.exp === "number" ? claims.exp : NaN;
  const nbf = typeof claims.nbf === "number" ? claims.nbf : 0;
  if (!Number.isFinite(exp) || exp + SKEW_SECONDS < now || nbf - SKEW_SECONDS > now) {
    return invalidClient(
      700024,
      `Client assertion is not within its valid time range. Current time: ${isoSeconds(now)}, assertion valid from ${isoSeconds(nbf)}, expiry time of assertion ${Number.isFinite(exp) ? isoSeconds(exp) : "none"}. Review the documentation at https://learn.microsoft.com/entra/identity-platform/certificate-credentials .`,
    );
  }
  const jti = typeof claims.jti === "string" ? claims.jti : "";
  if (!jti) return invalidClient(50027, "Invalid JWT token. The token has no jti claim.");
  if (check.seenJti.has(jti)) return invalidClient(50027, "Invalid JWT token. The jti claim has already been used (replayed assertion).");

  const sha256 = typeof header["x5t#S256"] === "string" ? Buffer.from(header["x5t#S256"], "base64url").toString("hex") : undefined;
  const sha1 = typeof header.x5t === "string" ? Buffer.from(header.x5t, "base64url").toString("hex") : undefined;
  const used = (sha256 ?? sha1 ?? "").toUpperCase();
  const key = app.keyCredentials.find((k) => (sha256 ? k.thumbprintSha256 === sha256 : sha1 !== undefined && k.thumbprintSha1 === sha1));
  const notFound = `Please visit the Azure Portal, Graph Explorer or directly use MS Graph to see configured keys for app Id '${app.clientId}'. Review the documentation at https://docs.microsoft.com/en-us/graph/deployments to determine the corresponding service endpoint and https://docs.microsoft.com/en-us/graph/api/application-get?view=graph-rest-1.0&tabs=http to build a query request URL, such as 'https://graph.microsoft.com/beta/applications/${app.clientId}'`;
  if (!key) {
    return invalidClient(
      700027,
      `The certificate with identifier used to sign the client assertion is not registered on application. [Reason - The key was not found., Thumbprint of key used by client: '${used}', ${notFound}]`,
    );
  }
  if (Date.parse(key.endDateTime) <= (check.now ?? new Date()).getTime() || Date.parse(key.startDateTime) > (check.now ?? new Date()).getTime()) {
    return invalidClient(
      7000274,
      `The certificate used to sign the client assertion is not within its validity period. [Thumbprint of key used by client: '${used}', valid from ${key.startDateTime} to ${key.endDateTime}]`,
    );
  }
  const publicKey = new X509Certificate(key.certificateDer).publicKey;
  const signed = Buffer.from(`${parts[0]}.${parts[1]}`);
  const signature = Buffer.from(parts[2]!, "base64url");
  const valid =
    alg === "RS256"
      ? verify("sha256", signed, publicKey, signature)
      : verify("sha256", signed, { key: publicKey, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: constants.RSA_PSS_SALTLEN_DIGEST }, signature);
  if (!valid) {
    return invalidClient(
      700027,
      `Client assertion failed signature validation. [Reason - The provided signature value did not match the expected signature value., Thumbprint of key used by client: '${used}', Found key 'Start=${key.startDateTime}, End=${key.endDateTime}', ${notFound}]`,
    );
  }
  check.seenJti.add(jti);
  return { ok: true, key, jti };
}
