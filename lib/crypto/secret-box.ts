import "server-only";
import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { env } from "../env";
import { parseKeyRing, type KeyRing } from "./key-ring";

/**
 * Client secrets at rest: AES-256-GCM under the key ring in CREDENTIALS_KEYS. The
 * stored blob is nonce || ciphertext || tag, the key id is stored beside it, and the
 * associated data binds it to its attempt, so a ciphertext copied onto another
 * attempt's row does not decrypt.
 * NOTE: a random 96-bit nonce per encryption stays far below GCM's 2^32 messages
 * per key limit (NIST SP 800-38D §8.3) at this portal's volume.
 */

const NONCE_BYTES = 12;
const TAG_BYTES = 16;

export type SealedSecret = { ciphertext: Buffer; keyId: string };

export class SecretUnavailableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "SecretUnavailableError";
  }
}

/** Which row a ciphertext belongs to: an attempt's secret or private key, or a brokerage's certificate not yet submitted. */
export type SealedFor = "submission_attempts" | "brokerage_certificates" | "outgoing_messages";

function associatedData(rowId: string, table: SealedFor = "submission_attempts") {
  return Buffer.from(`${table}:${rowId}`, "utf8");
}

export function keyRing(): KeyRing {
  const value = env().CREDENTIALS_KEYS;
  if (!value) throw new Error("CREDENTIALS_KEYS is not set");
  return parseKeyRing(value);
}

export function sealSecret(plaintext: string, attemptId: string, ring: KeyRing = keyRing(), table?: SealedFor): SealedSecret {
  const nonce = randomBytes(NONCE_BYTES);
  const cipher = createCipheriv("aes-256-gcm", ring.current.key, nonce, { authTagLength: TAG_BYTES });
  cipher.setAAD(associatedData(attemptId, table));
  const body = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return { ciphertext: Buffer.concat([nonce, body, cipher.getAuthTag()]), keyId: ring.current.id };
}

/** The plaintext, or SecretUnavailableError (unknown key, tampered blob, other attempt). */
export function openSecret(sealed: SealedSecret, attemptId: string, ring: KeyRing = keyRing(), table?: SealedFor): string {
  const key = ring.byId.get(sealed.keyId);
  if (!key) throw new SecretUnavailableError(`no key "${sealed.keyId}" in CREDENTIALS_KEYS`);
  if (sealed.ciphertext.length < NONCE_BYTES + TAG_BYTES) throw new SecretUnavailableError("stored secret is truncated");
  const nonce = sealed.ciphertext.subarray(0, NONCE_BYTES);
  const tag = sealed.ciphertext.subarray(sealed.ciphertext.length - TAG_BYTES);
  const body = sealed.ciphertext.subarray(NONCE_BYTES, sealed.ciphertext.length - TAG_BYTES);
  try {
    const decipher = createDecipheriv("aes-256-gcm", key, nonce, { authTagLength: TAG_BYTES });
    decipher.setAAD(associatedData(attemptId, table));
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(body), decipher.final()]).toString("utf8");
  } catch {
    throw new SecretUnavailableError("stored secret does not authenticate for this attempt");
  }
}

/** What staff and the brokerage may see of a secret: its first three characters, as the Azure portal shows. */
export function secretHint(plaintext: string): string {
  return plaintext.slice(0, 3);
}
