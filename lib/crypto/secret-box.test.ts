import { describe, expect, it } from "vitest";
import { generateKeyRingEntry, parseKeyRing } from "./key-ring";
import { openSecret, sealSecret, SecretUnavailableError, secretHint } from "./secret-box";

const SECRET = "abc8Q~Zx1yW2vU3tS4rQ5pO6nM7lK8jI9hG0fEdC";
const ATTEMPT = "0b6f6c59-1b5e-4a44-9f1e-3d2c1b0a9f8e";
const OTHER_ATTEMPT = "5d2e1f0a-9b8c-4d7e-8f6a-5b4c3d2e1f0a";

describe("the secret box", () => {
  const ring = parseKeyRing(`${generateKeyRingEntry("k2")},${generateKeyRingEntry("k1")}`);

  it("seals under the first key and opens again", () => {
    const sealed = sealSecret(SECRET, ATTEMPT, ring);
    expect(sealed.keyId).toBe("k2");
    expect(sealed.ciphertext.includes(Buffer.from(SECRET))).toBe(false);
    expect(openSecret(sealed, ATTEMPT, ring)).toBe(SECRET);
  });

  it("uses a fresh nonce each time", () => {
    expect(sealSecret(SECRET, ATTEMPT, ring).ciphertext.equals(sealSecret(SECRET, ATTEMPT, ring).ciphertext)).toBe(false);
  });

  it("opens a secret sealed under an older key still in the ring", () => {
    const old = parseKeyRing(`k1:${ring.byId.get("k1")!.toString("base64")}`);
    expect(openSecret(sealSecret(SECRET, ATTEMPT, old), ATTEMPT, ring)).toBe(SECRET);
  });

  it("refuses a ciphertext moved to another attempt", () => {
    const sealed = sealSecret(SECRET, ATTEMPT, ring);
    expect(() => openSecret(sealed, OTHER_ATTEMPT, ring)).toThrow(SecretUnavailableError);
  });

  it("refuses a tampered ciphertext and an unknown key id", () => {
    const sealed = sealSecret(SECRET, ATTEMPT, ring);
    const tampered = Buffer.from(sealed.ciphertext);
    tampered[14]! ^= 1;
    expect(() => openSecret({ ...sealed, ciphertext: tampered }, ATTEMPT, ring)).toThrow(SecretUnavailableError);
    expect(() => openSecret({ ...sealed, keyId: "gone" }, ATTEMPT, ring)).toThrow(/no key "gone"/);
  });

  it("hints with the first three characters only", () => {
    expect(secretHint(SECRET)).toBe("abc");
  });
});
