import { createPublicKey, randomBytes, verify } from "node:crypto";
import type { ServerResponse } from "node:http";
import { sendJson } from "../responses";
import { domainOf, findUser, type GoogleSimState } from "./model";
import { sendTokenError } from "./responses";

/**
 * The OAuth token endpoint for the JWT bearer grant (RFC 7523) as Google answers it: the
 * assertion's signature is checked against the service account's key, its `aud` must be
 * Google's token URL (or this endpoint's own), its times must be short-lived and current,
 * `sub` must be a user of a domain whose delegation table authorises the client id for
 * every requested scope.
 */

const REAL_AUD = "https://oauth2.googleapis.com/token";
const ACCESS_TOKEN_SECONDS = 3600;

const parseSegment = (s: string | undefined): Record<string, unknown> | undefined => {
  try {
    return s ? (JSON.parse(Buffer.from(s, "base64url").toString("utf8")) as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
};

export function handleGoogleToken(state: GoogleSimState, res: ServerResponse, form: URLSearchParams, ownUrl: string) {
  if (form.get("grant_type") !== "urn:ietf:params:oauth:grant-type:jwt-bearer") return sendTokenError(res, 400, "unsupported_grant_type", "Invalid grant_type: " + (form.get("grant_type") ?? ""));
  const assertion = form.get("assertion") ?? "";
  const [h, p, sig] = assertion.split(".");
  const header = parseSegment(h);
  const claims = parseSegment(p);
  if (!header || !claims || !sig || header.alg !== "RS256") return sendTokenError(res, 400, "invalid_grant", "Invalid JWT: Failed to parse the assertion.");
  const vendor = state.vendor;
  if (claims.iss !== vendor.clientEmail) return sendTokenError(res, 400, "invalid_grant", "Invalid grant: account not found");
  const signed = verify("RSA-SHA256", Buffer.from(`${h}.${p}`), createPublicKey(vendor.publicKeyPem), Buffer.from(sig, "base64url"));
  if (!signed || vendor.keyRevoked) return sendTokenError(res, 400, "invalid_grant", "Invalid JWT Signature.");
  if (claims.aud !== REAL_AUD && claims.aud !== ownUrl) return sendTokenError(res, 400, "invalid_grant", "Invalid JWT: Failed audience check.");
  const now = Math.floor(Date.now() / 1000) + vendor.clockSkewSeconds;
  const iat = Number(claims.iat);
  const exp = Number(claims.exp);
  if (!Number.isFinite(iat) || !Number.isFinite(exp) || exp - iat > 3600 || iat > now + 300 || exp < now) {
    return sendTokenError(res, 400, "invalid_grant", "Invalid JWT: Token must be a short-lived token (60 minutes) and in a reasonable timeframe. Check your iat and exp values in the JWT claim.");
  }
  const sub = typeof claims.sub === "string" ? claims.sub.toLowerCase() : "";
  const user = sub ? findUser(state, sub) : undefined;
  if (!user) return sendTokenError(res, 400, "invalid_grant", "Invalid email or User ID");
  const requested = String(claims.scope ?? "").split(" ").filter(Boolean);
  const delegation = state.domains.get(domainOf(sub))?.delegations.get(vendor.clientId);
  const applied = delegation && delegation.appliesAt <= Date.now() ? delegation.scopes : [];
  if (!requested.length || !requested.every((s) => applied.includes(s))) {
    return sendTokenError(res, 401, "unauthorized_client", "Client is unauthorized to retrieve access tokens using this method, or client not authorized for any of the scopes requested.");
  }
  const accessToken = `ya29.sim-${randomBytes(24).toString("base64url")}`;
  state.tokens.set(accessToken, { user: user.address, scope: requested.join(" "), expiresAt: Date.now() + ACCESS_TOKEN_SECONDS * 1000 });
  sendJson(res, 200, { access_token: accessToken, expires_in: ACCESS_TOKEN_SECONDS, token_type: "Bearer" });
}
