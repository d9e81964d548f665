import { describe, expect, it } from "vitest";
import { generateWebhookSecret, signWebhook, verifyWebhook, webhookHeaders } from "./signing";

// The published Standard Webhooks test vector (standard-webhooks/standard-webhooks,
// libraries/javascript/src/webhook.test.ts, "sign function works").
const VECTOR = {
  secret: "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
  id: "msg_p5jXN8AQM9LWM0D4loKWxJek",
  timestamp: 1614265330,
  body: '{"test": 2432232314}',
  signature: "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=",
};

const at = (seconds: number) => new Date(seconds * 1000);

describe("Standard Webhooks signatures", () => {
  it("reproduces the specification's test vector", () => {
    expect(signWebhook(VECTOR.secret, VECTOR.id, VECTOR.timestamp, VECTOR.body)).toBe(VECTOR.signature);
  });

  it("accepts the test vector among several signatures and refuses a changed body", () => {
    const headers = new Headers({
      "webhook-id": VECTOR.id,
      "webhook-timestamp": String(VECTOR.timestamp),
      "webhook-signature": `v1,bm9wZQ== v2,abc ${VECTOR.signature}`,
    });
    expect(verifyWebhook(VECTOR.secret, headers, VECTOR.body, at(VECTOR.timestamp + 10))).toEqual({ ok: true });
    expect(verifyWebhook(VECTOR.secret, headers, '{"test": 2432232315}', at(VECTOR.timestamp))).toEqual({
      ok: false,
      problem: "no-match",
    });
  });

  it("refuses messages outside the five-minute tolerance and missing headers", () => {
    const headers = new Headers(webhookHeaders(VECTOR.secret, VECTOR.id, at(VECTOR.timestamp), VECTOR.body));
    expect(verifyWebhook(VECTOR.secret, headers, VECTOR.body, at(VECTOR.timestamp + 301))).toMatchObject({ problem: "too-old" });
    expect(verifyWebhook(VECTOR.secret, headers, VECTOR.body, at(VECTOR.timestamp - 301))).toMatchObject({ problem: "too-new" });
    headers.delete("webhook-id");
    expect(verifyWebhook(VECTOR.secret, headers, VECTOR.body, at(VECTOR.timestamp))).toMatchObject({ problem: "missing-headers" });
  });

  it("generates secrets in the whsec_ format that another secret cannot verify", () => {
    const secret = generateWebhookSecret();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    const headers = new Headers(webhookHeaders(secret, "msg_1", at(VECTOR.timestamp), "{}"));
    expect(verifyWebhook(secret, headers, "{}", at(VECTOR.timestamp))).toEqual({ ok: true });
    expect(verifyWebhook(generateWebhookSecret(), headers, "{}", at(VECTOR.timestamp))).toMatchObject({ problem: "no-match" });
  });
});
