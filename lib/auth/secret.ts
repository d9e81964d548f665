import "server-only";
import { hkdfSync } from "node:crypto";
import { parseKeyRing } from "../crypto/key-ring";
import { env } from "../env";

/**
 * The key that signs staff session cookies. BETTER_AUTH_SECRET when set; otherwise
 * derived (HKDF-SHA256, its own label) from the key that encrypts client secrets, so
 * `npm run demo`, `npm run dev` and a first production start need nothing more.
 * Rotating CREDENTIALS_KEYS then signs every staff member out once; set
 * BETTER_AUTH_SECRET to keep the two independent.
 */
export function staffAuthSecret(): string {
  const e = env();
  if (e.BETTER_AUTH_SECRET) return e.BETTER_AUTH_SECRET;
  if (!e.CREDENTIALS_KEYS) throw new Error("Set BETTER_AUTH_SECRET or CREDENTIALS_KEYS: staff sign-in needs a signing key");
  const { current } = parseKeyRing(e.CREDENTIALS_KEYS);
  return Buffer.from(hkdfSync("sha256", current.key, Buffer.alloc(0), "portal staff session signing v1", 32)).toString("base64url");
}
