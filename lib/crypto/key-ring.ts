import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

export type KeyRing = { current: { id: string; key: Buffer }; byId: Map<string, Buffer> };

/** `id:base64key,...`; the first entry encrypts, every entry can decrypt. */
export function parseKeyRing(value: string): KeyRing {
  const entries = value
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean)
    .map((entry) => {
      const [id, encoded] = entry.split(":");
      const key = Buffer.from(encoded ?? "", "base64");
      if (!id || key.length !== 32) throw new Error("CREDENTIALS_KEYS entries must be id:base64key with 32-byte keys");
      return { id, key };
    });
  const first = entries[0];
  if (!first) throw new Error("CREDENTIALS_KEYS is empty");
  return { current: first, byId: new Map(entries.map((e) => [e.id, e.key])) };
}

export function generateKeyRingEntry(id = `k${new Date().toISOString().slice(0, 10).replace(/-/g, "")}`) {
  return `${id}:${randomBytes(32).toString("base64")}`;
}

/**
 * For `npm run demo` and `npm run dev` only: a key ring kept in .data/ so that
 * secrets stored by one run can be read by the next. Production sets CREDENTIALS_KEYS.
 */
export function loadOrCreateLocalKeyRing(dataDir: string): string {
  const file = path.join(dataDir, "credentials-keys");
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  mkdirSync(dataDir, { recursive: true });
  const value = generateKeyRingEntry("local1");
  writeFileSync(file, `${value}\n`, { mode: 0o600 });
  return value;
}
