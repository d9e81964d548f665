import "server-only";
import { readFileSync } from "node:fs";
import { env } from "../env";

/**
 * The vendor's Google service account (GOOGLE_SERVICE_ACCOUNT_KEY_FILE): its email signs
 * the assertion, its numeric client id is what the administrator authorises. The private
 * key stays in memory; only the client id and email are ever shown or logged.
 */

export type ServiceAccount = { clientEmail: string; clientId: string; privateKey: string };

export class ServiceAccountKeyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ServiceAccountKeyError";
  }
}

export function parseServiceAccountKey(text: string): ServiceAccount {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new ServiceAccountKeyError("The service account key file is not JSON: download the key again from the Google Cloud console.");
  }
  const o = (json ?? {}) as Record<string, unknown>;
  if (o.type !== "service_account") throw new ServiceAccountKeyError("The key file is not a service account key (its type must be service_account).");
  const str = (name: string) => (typeof o[name] === "string" && o[name] ? (o[name] as string) : undefined);
  const clientEmail = str("client_email");
  const clientId = str("client_id");
  const privateKey = str("private_key");
  if (!clientEmail || !clientId || !privateKey) throw new ServiceAccountKeyError("The service account key file lacks client_email, client_id or private_key.");
  if (!/^\d{10,30}$/.test(clientId)) throw new ServiceAccountKeyError("The key file's client_id must be the service account's numeric client id.");
  return { clientEmail, clientId, privateKey };
}

export function readServiceAccountKey(file: string): ServiceAccount {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch {
    throw new ServiceAccountKeyError(`The service account key file ${file} could not be read.`);
  }
  return parseServiceAccountKey(text);
}

/** The configured service account, or null when the Google Workspace path is not offered. */
export function configuredServiceAccount(): ServiceAccount | null {
  const file = env().GOOGLE_SERVICE_ACCOUNT_KEY_FILE;
  return file ? readServiceAccountKey(file) : null;
}

/** The numeric client id alone, for the guide and the hand-off. */
export function configuredGoogleClientId(): string | null {
  return configuredServiceAccount()?.clientId ?? null;
}
