import "server-only";
import { and, desc, eq, gte, like, lt, type SQL } from "drizzle-orm";
import { db } from "../db/client";
import { actorType, auditEvents, brokerages } from "../db/schema";

export type AuditFilters = {
  /** An exact action (`attempt.approved`) or a family ending in a dot (`attempt.`). */
  action?: string | null;
  actorType?: (typeof actorType.enumValues)[number] | null;
  actorId?: string | null;
  brokerageId?: string | null;
  /** Inclusive UTC days, YYYY-MM-DD. */
  from?: string | null;
  to?: string | null;
};

export const AUDIT_PAGE_SIZE = 50;

/** The audit log, newest first, keyset-paginated on id (ids only grow). */
export async function listAuditEvents(filters: AuditFilters = {}, options: { beforeId?: number | null; limit?: number } = {}) {
  const limit = Math.min(Math.max(options.limit ?? AUDIT_PAGE_SIZE, 1), 200);
  const where: SQL[] = [];
  if (filters.action) {
    where.push(filters.action.endsWith(".") ? like(auditEvents.action, `${filters.action.replace(/[\\%_]/g, "\\$&")}%`) : eq(auditEvents.action, filters.action));
  }
  if (filters.actorType) where.push(eq(auditEvents.actorType, filters.actorType));
  if (filters.actorId) where.push(eq(auditEvents.actorId, filters.actorId));
  if (filters.brokerageId) where.push(eq(auditEvents.brokerageId, filters.brokerageId));
  if (filters.from) where.push(gte(auditEvents.at, new Date(`${filters.from}T00:00:00Z`)));
  if (filters.to) where.push(lt(auditEvents.at, new Date(Date.parse(`${filters.to}T00:00:00Z`) + 86_400_000)));
  if (options.beforeId) where.push(lt(auditEvents.id, options.beforeId));

  const rows = await db()
    .select({
      id: auditEvents.id,
      at: auditEvents.at,
      actorType: auditEvents.actorType,
      actorId: auditEvents.actorId,
      action: auditEvents.action,
      subjectType: auditEvents.subjectType,
      subjectId: auditEvents.subjectId,
      brokerageId: auditEvents.brokerageId,
      brokerageName: brokerages.name,
      ip: auditEvents.ip,
      userAgent: auditEvents.userAgent,
      detail: auditEvents.detail,
    })
    .from(auditEvents)
    .leftJoin(brokerages, eq(brokerages.id, auditEvents.brokerageId))
    .where(where.length ? and(...where) : undefined)
    .orderBy(desc(auditEvents.id))
    .limit(limit + 1);
  const shown = rows.slice(0, limit);
  return { rows: shown, nextBeforeId: rows.length > limit ? (shown.at(-1)?.id ?? null) : null };
}
