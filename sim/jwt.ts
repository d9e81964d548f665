import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";

/**
 * Access tokens shaped like Microsoft's app-only Graph tokens (v1 claims), signed
 * with a key that lives only in this simulator process. Clients never validate a
 * Graph token; the simulator's Graph endpoints do.
 */
export class TokenSigner {
  private readonly key = randomBytes(32);

  sign(claims: Record<string, unknown>): string {
    const header = Buffer.from(JSON.stringify({ typ: "JWT", alg: "HS256", kid: "simulator" })).toString("base64url");
    const payload = Buffer.from(JSON.stringify(claims)).toString("base64url");
    const signature = createHmac("sha256", this.key).update(`${header}.${payload}`).digest("base64url");
    return `${header}.${payload}.${signature}`;
  }

  /** The claims of a token this signer issued, or undefined. */
  verify(token: string): Record<string, unknown> | undefined {
    const [header, payload, signature] = token.split(".");
    if (!header || !payload || !signature) return undefined;
    const expected = createHmac("sha256", this.key).update(`${header}.${payload}`).digest();
    const given = Buffer.from(signature, "base64url");
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
    try {
      return JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as Record<string, unknown>;
    } catch {
      return undefined;
    }
  }
}
