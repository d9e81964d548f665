import { createPublicKey, generateKeyPairSync } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { VENDOR_SERVICE_ACCOUNT } from "./model";

/**
 * The vendor's service account key as the Google Cloud console downloads it (JSON), made
 * once under .data/ (git-ignored) for dev and tests: GOOGLE_SERVICE_ACCOUNT_KEY_FILE
 * names it, and the simulator verifies assertions against its public key.
 */

export const GOOGLE_SIMULATOR_DIR = path.resolve(fileURLToPath(new URL(".", import.meta.url)), "..", "..", ".data", "simulator", "google");

export type SimulatedServiceAccount = { keyFile: string; publicKeyPem: string };

export function ensureServiceAccountKey(dir = GOOGLE_SIMULATOR_DIR): SimulatedServiceAccount {
  const keyFile = path.join(dir, "service-account.json");
  if (!existsSync(keyFile)) {
    mkdirSync(dir, { recursive: true });
    const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
    const json = {
      type: "service_account",
      project_id: "moxiengage-sync",
      private_key_id: "5f1c9a2e7b3d4c6a8e0f1b2c3d4e5f6a7b8c9d0e",
      private_key: privateKey.export({ type: "pkcs8", format: "pem" }).toString(),
      client_email: VENDOR_SERVICE_ACCOUNT.clientEmail,
      client_id: VENDOR_SERVICE_ACCOUNT.clientId,
      auth_uri: "https://accounts.google.com/o/oauth2/auth",
      token_uri: "https://oauth2.googleapis.com/token",
    };
    // Written aside and renamed, so a process starting meanwhile never reads half a file.
    const staging = `${keyFile}.${process.pid}`;
    writeFileSync(staging, JSON.stringify(json, null, 2), { mode: 0o600 });
    renameSync(staging, keyFile);
  }
  const { private_key } = JSON.parse(readFileSync(keyFile, "utf8")) as { private_key: string };
  const publicKeyPem = createPublicKey(private_key).export({ type: "spki", format: "pem" }).toString();
  return { keyFile, publicKeyPem };
}
