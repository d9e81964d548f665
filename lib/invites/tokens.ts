import { createHash, randomBytes } from "node:crypto";

/** 256 random bits, URL-safe. Only its SHA-256 is ever stored (DESIGN §7). */
export function generateInviteToken(): string {
  return randomBytes(32).toString("base64url");
}

export function hashInviteToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/** Tokens are 43 base64url characters; anything else is refused before a lookup. */
export function isWellFormedInviteToken(value: string): boolean {
  return /^[A-Za-z0-9_-]{43}$/.test(value);
}
