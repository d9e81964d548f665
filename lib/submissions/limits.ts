import type { RateLimit } from "../rate-limit/fixed-window";

/** How often one brokerage may do each thing that reaches Microsoft or writes an attempt. */
export const SUBMIT_LIMIT: RateLimit = { name: "submit", limit: 20, windowSeconds: 3600 };
export const EARLY_CHECK_LIMIT: RateLimit = { name: "early-check", limit: 10, windowSeconds: 600 };
export const TENANT_LOOKUP_LIMIT: RateLimit = { name: "tenant-lookup", limit: 30, windowSeconds: 600 };

export function waitMessage(retryAfterSeconds: number) {
  const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
  return `Wait ${minutes} ${minutes === 1 ? "minute" : "minutes"} and try again.`;
}

/** New certificates (each a key pair) per brokerage. */
export const CERTIFICATE_LIMIT: RateLimit = { name: "certificate-issue", limit: 10, windowSeconds: 3600 };
