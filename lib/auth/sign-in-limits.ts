import "server-only";
import { clearRollingWindow, hitRollingWindow, refundRollingWindow } from "../rate-limit/rolling-window";

/**
 * Sign-in throttling, in two layers that share the `rate_limits` table (so every app
 * instance counts together), both counting only attempts that failed (a successful
 * sign-in takes its hit back), so a busy office behind one address is never locked out:
 * - per client address: counted here for password sign-ins; better-auth's own rate
 *   limiter (`rateLimit` in auth.ts) still counts the other sign-in paths;
 * - per account: failed attempts for one email address, counted here, because an
 *   address can be spoofed or shared but an account under attack is always the same.
 * A window is rolling: it closes once no attempt has been made for its length.
 */
export const SIGN_IN_WINDOW_SECONDS = 15 * 60;
export const SIGN_IN_MAX_PER_ADDRESS = 20;
export const SIGN_IN_MAX_FAILURES_PER_ACCOUNT = 10;

const accountKey = (email: string) => `sign-in-account:${email.trim().toLowerCase()}`;
const addressKey = (ip: string) => `sign-in-address:${ip}`;

/** Counts one attempt from the address; refuses once too many have failed. */
export function consumeAddressAttempt(ip: string, now = Date.now()) {
  return hitRollingWindow(addressKey(ip), { limit: SIGN_IN_MAX_PER_ADDRESS, windowSeconds: SIGN_IN_WINDOW_SECONDS }, now);
}

/** A successful sign-in does not count against its address. */
export async function refundAddressAttempt(ip: string) {
  await refundRollingWindow(addressKey(ip));
}

/** Counts one attempt for the account; refuses once it has failed too often. */
export function consumeAccountAttempt(email: string, now = Date.now()) {
  return hitRollingWindow(accountKey(email), { limit: SIGN_IN_MAX_FAILURES_PER_ACCOUNT, windowSeconds: SIGN_IN_WINDOW_SECONDS }, now);
}

/** A successful sign-in clears the account's failures. */
export async function clearAccountAttempts(email: string) {
  await clearRollingWindow(accountKey(email));
}
