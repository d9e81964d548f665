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

/** Fields of database errors that carry the values of a statement or a row. */
const VALUE_FIELDS = ["params", "parameters", "detail"];

/** A failed query's message ends with its parameters; the SQL above them stays. */
const withoutParams = (text: unknown) => (typeof text === "string" ? text.replace(/\nparams: [\s\S]*?(?=\n\s+at |$)/g, "\nparams: [redacted]") : text);

type SerializedError = Record<string, unknown> & { cause?: unknown };

/**
 * Errors as pino serializes them, less the values of failed database statements: drizzle
 * puts every parameter (invite URLs, password hashes, ciphertexts) into its message and a
 * `params` field, PostgreSQL a row's values into `detail`. The SQL, its state code and the
 * stack stay, for whoever investigates.
 */
export function serializeError(error: unknown): unknown {
  const serialized = pino.stdSerializers.err(error as Error) as unknown;
  const clean = (value: unknown, depth = 0): unknown => {
    if (!value || typeof value !== "object" || depth > 5) return value;
    const out: SerializedError = { ...(value as SerializedError) };
    for (const field of VALUE_FIELDS) if (field in out) out[field] = "[redacted]";
    out.message = withoutParams(out.message);
    out.stack = withoutParams(out.stack);
    if (out.cause) out.cause = clean(out.cause, depth + 1);
    return out;
  };
  const sqlState = (error as { cause?: { code?: unknown } } | null)?.cause?.code;
  const result = clean(serialized) as SerializedError;
  return typeof sqlState === "string" && result && typeof result === "object" ? { ...result, sqlState } : result;
}

export function createLogger(destination?: pino.DestinationStream) {
  return pino(
    {
      level: env().LOG_LEVEL,
      base: undefined,
      redact: { paths, censor: "[redacted]" },
      serializers: { err: serializeError },
    },
    destination,
  );
}

let root: pino.Logger | undefined;

export function logger(): pino.Logger {
  root ??= createLogger();
  return root;
}

/**
 * For commands that print words for people on stdout (the CLI, the demo): log lines go
 * to stderr instead, so the two never mix in a pipe or a file.
 */
export function logToStderr() {
  root = createLogger(pino.destination({ fd: 2, sync: true }));
}
