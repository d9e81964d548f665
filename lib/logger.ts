import pino from "pino";
import { env } from "./env";

/**
 * Field names whose values must never reach a log line, wherever they sit in an object.
 * Secrets and tokens are also kept out of log calls at the source; this is the safety net.
 */
export const REDACTED_KEYS = [
  "secret",
  "clientSecret",
  "client_secret",
  "password",
  "token",
  "accessToken",
  "access_token",
  "refreshToken",
  "idToken",
  "authorization",
  "Authorization",
  "cookie",
  "apiKey",
  "key",
  "keys",
  "CREDENTIALS_KEYS",
  "privateKey",
  "privateKeyPem",
  "clientCertificate",
  "client_assertion",
];

const paths = REDACTED_KEYS.flatMap((k) => [k, `*.${k}`, `*.*.${k}`, `headers.${k}`, `req.headers.${k}`]);

export function createLogger(destination?: pino.DestinationStream) {
  return pino(
    {
      level: env().LOG_LEVEL,
      base: undefined,
      redact: { paths, censor: "[redacted]" },
    },
    destination,
  );
}

let root: pino.Logger | undefined;

export function logger(): pino.Logger {
  root ??= createLogger();
  return root;
}
