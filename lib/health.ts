import { db } from "./db/client";
import { migrationStatus } from "./db/migrate";
import { logger } from "./logger";

export type Health = {
  ok: boolean;
  database: "reachable" | "unreachable";
  migrations: "current" | "behind" | "unknown";
  /** Why the database could not be asked: the driver's or PostgreSQL's error code, never a connection string. */
  cause?: string;
};

/** Health answers within this even when connecting hangs. */
const HEALTH_TIMEOUT_MS = 3_000;

/** Database reachable and every shipped migration applied; nothing else is probed. */
export async function checkHealth(): Promise<Health> {
  let timer: NodeJS.Timeout | undefined;
  try {
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(Object.assign(new Error("no answer in time"), { code: "TIMEOUT" })), HEALTH_TIMEOUT_MS);
    });
    const status = await Promise.race([migrationStatus(db().$client), timeout]);
    return {
      ok: status.current,
      database: "reachable",
      migrations: status.current ? "current" : "behind",
    };
  } catch (error) {
    logger().warn({ err: error }, "health check could not reach the database");
    return { ok: false, database: "unreachable", migrations: "unknown", cause: causeOf(error) };
  } finally {
    clearTimeout(timer);
  }
}

function causeOf(error: unknown): string {
  let current: unknown = error;
  for (let depth = 0; current && depth < 3; depth++) {
    if (typeof current === "object" && "code" in current && typeof current.code === "string") return current.code;
    current = (current as { cause?: unknown }).cause;
  }
  return "unknown";
}
