import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";

/**
 * Standard Webhooks signatures (https://www.standardwebhooks.com/): the signed content
 * is `${webhook-id}.${webhook-timestamp}.${body}`, HMAC-SHA256 under the base64 key
 * after the `whsec_` prefix, sent as `v1,<base64>` in `webhook-signature`.
 */

export const WEBHOOK_SECRET_PREFIX = "whsec_";
/** Receivers should refuse messages older or newer than this (the specification's suggestion). */
export const WEBHOOK_TOLERANCE_SECONDS = 5 * 60;

function secretKey(secret: string): Buffer {
  const encoded = secret.startsWith(WEBHOOK_SECRET_PREFIX) ? secret.slice(WEBHOOK_SECRET_PREFIX.length) : secret;
  const key = Buffer.from(encoded, "base64");
  if (key.length === 0) throw new Error("The webhook secret is empty");
  return key;
}

export function generateWebhookSecret(): string {
  return `${WEBHOOK_SECRET_PREFIX}${randomBytes(32).toString("base64")}`;
}

/** `v1,<signature>` for one message. */
export function signWebhook(secret: string, id: string, timestampSeconds: number, body: string): string {
  const mac = createHmac("sha256", secretKey(secret)).update(`${id}.${timestampSeconds}.${body}`, "utf8").digest("base64");
  return `v1,${mac}`;
}

export type WebhookHeaders = { "webhook-id": string; "webhook-timestamp": string; "webhook-signature": string };

export function webhookHeaders(secret: string, id: string, at: Date, body: string): WebhookHeaders {
  const timestamp = Math.floor(at.getTime() / 1000);
  return {
    "webhook-id": id,
    "webhook-timestamp": String(timestamp),
    "webhook-signature": signWebhook(secret, id, timestamp, body),
  };
}

export type VerifyResult = { ok: true } | { ok: false; problem: "missing-headers" | "bad-timestamp" | "too-old" | "too-new" | "no-match" };

/**
 * What a receiver does (the sync service, and our own tests): headers present, timestamp
 * within tolerance, and one of the space-separated `v1,` signatures matching.
 */
export function verifyWebhook(
  secret: string,
  headers: { get(name: string): string | null },
  body: string,
  now: Date = new Date(),
): VerifyResult {
  const id = headers.get("webhook-id");
  const timestamp = headers.get("webhook-timestamp");
  const signatures = headers.get("webhook-signature");
  if (!id || !timestamp || !signatures) return { ok: false, problem: "missing-headers" };
  if (!/^\d+$/.test(timestamp)) return { ok: false, problem: "bad-timestamp" };
  const age = Math.floor(now.getTime() / 1000) - Number(timestamp);
  if (age > WEBHOOK_TOLERANCE_SECONDS) return { ok: false, problem: "too-old" };
  if (age < -WEBHOOK_TOLERANCE_SECONDS) return { ok: false, problem: "too-new" };
  const expected = Buffer.from(signWebhook(secret, id, Number(timestamp), body).slice(3), "base64");
  for (const candidate of signatures.split(" ")) {
    const [version, value] = candidate.split(",");
    if (version !== "v1" || !value) continue;
    const given = Buffer.from(value, "base64");
    if (given.length === expected.length && timingSafeEqual(given, expected)) return { ok: true };
  }
  return { ok: false, problem: "no-match" };
}
