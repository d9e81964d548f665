import "server-only";
import { parseSetCookieHeader, toCookieOptions } from "better-auth/cookies";
import { env } from "../env";
import { CLIENT_ADDRESS_HEADER } from "../http/request-facts";
import { logger } from "../logger";
import { auth } from "./auth";

export type SignInCookie = { name: string; value: string; options: ReturnType<typeof toCookieOptions> };

export type SignInResult =
  | { ok: true; cookies: SignInCookie[] }
  | { ok: false; reason: "invalid" | "disabled" | "unavailable" }
  | { ok: false; reason: "throttled"; retryAfterSeconds: number };

/** The headers of the person's request that better-auth uses: where they are and what they run. */
const FORWARDED = [CLIENT_ADDRESS_HEADER, "user-agent", "cookie"];

/**
 * Signs in with email and password through better-auth's HTTP handler rather than its
 * direct API, so the request passes the same rate limiter (per client address, in the
 * database) as any other sign-in. Returns the cookies to set on the person's response.
 */
export async function signInWithPassword(input: { email: string; password: string }, from: Headers): Promise<SignInResult> {
  const headers = new Headers({ "content-type": "application/json", origin: env().APP_URL });
  for (const name of FORWARDED) {
    const value = from.get(name);
    if (value) headers.set(name, value);
  }
  const response = await auth().handler(
    new Request(`${env().APP_URL}/api/auth/sign-in/email`, { method: "POST", headers, body: JSON.stringify(input) }),
  );
  if (response.ok) {
    const cookies: SignInCookie[] = [];
    for (const header of response.headers.getSetCookie()) {
      for (const [name, attributes] of parseSetCookieHeader(header)) cookies.push({ name, value: attributes.value, options: toCookieOptions(attributes) });
    }
    return { ok: true, cookies };
  }
  if (response.status === 401 || response.status === 400) return { ok: false, reason: "invalid" };
  if (response.status === 403) return { ok: false, reason: "disabled" };
  if (response.status === 429) {
    const retryAfterSeconds = Number(response.headers.get("x-retry-after")) || 60;
    return { ok: false, reason: "throttled", retryAfterSeconds };
  }
  logger().error({ status: response.status }, "staff sign-in answered unexpectedly");
  return { ok: false, reason: "unavailable" };
}
