/** drizzle wraps driver errors; the PostgreSQL error is the cause. */
function postgresError(error: unknown): { code?: string; constraint_name?: string } | undefined {
  let current: unknown = error;
  for (let depth = 0; current && depth < 3; depth++) {
    if (typeof current === "object" && "code" in current && typeof current.code === "string") {
      return current as { code?: string; constraint_name?: string };
    }
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

/** True when `error` is a unique violation, of `constraint` if given. */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  const pg = postgresError(error);
  return pg?.code === "23505" && (!constraint || pg.constraint_name === constraint);
}

/** Error codes of a database that cannot be reached or is shutting down, and of our own timeouts. */
const UNAVAILABLE_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENOTFOUND",
  "EPIPE",
  "CONNECT_TIMEOUT",
  "CONNECTION_CLOSED",
  "CONNECTION_ENDED",
  "CONNECTION_DESTROYED",
  "57P01", // admin_shutdown
  "57P02", // crash_shutdown
  "57P03", // cannot_connect_now
  "53300", // too_many_connections
  "57014", // query_canceled (statement_timeout)
]);

/** True when `error` says PostgreSQL is unreachable or overloaded right now (not that a query was wrong). */
export function isDatabaseUnavailable(error: unknown): boolean {
  const code = postgresError(error)?.code;
  return code !== undefined && (UNAVAILABLE_CODES.has(code) || code.startsWith("08"));
}
