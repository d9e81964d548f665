import { db } from "./db/client";
import { migrationStatus } from "./db/migrate";
import { logger } from "./logger";

export type Health = {
  ok: boolean;
  database: "reachable" | "unreachable";
  migrations: "current" | "behind" | "unknown";
};

/** Database reachable and every shipped migration applied; nothing else is probed. */
export async function checkHealth(): Promise<Health> {
  try {
    const sql = db().$client;
    const status = await migrationStatus(sql);
    return {
      ok: status.current,
      database: "reachable",
      migrations: status.current ? "current" : "behind",
    };
  } catch (error) {
    logger().warn({ err: error }, "health check could not reach the database");
    return { ok: false, database: "unreachable", migrations: "unknown" };
  }
}
