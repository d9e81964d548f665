import "server-only";
import { and, asc, eq, inArray, isNull } from "drizzle-orm";
import type { Executor } from "../db/client";
import { users } from "../db/schema";
import { env } from "../env";

export type StaffContact = { id: string; name: string; email: string };

/**
 * Where to write to a staff member (a brokerage's CSM). A disabled account, or none
 * assigned, gives null (alerts then go to `alertAddress`'s fallback).
 */
export async function findStaffContact(tx: Executor, staffId: string | null): Promise<StaffContact | null> {
  if (!staffId) return null;
  const [row] = await tx
    .select({ id: users.id, name: users.name, email: users.email })
    .from(users)
    .where(and(eq(users.id, staffId), isNull(users.disabledAt)));
  return row ?? null;
}

/** Names of staff members by id, for lists that show who did something. */
export async function staffNames(tx: Executor, ids: Iterable<string | null | undefined>): Promise<Record<string, string>> {
  const wanted = [...new Set([...ids].filter((id): id is string => Boolean(id)))];
  if (!wanted.length) return {};
  const rows = await tx.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, wanted));
  return Object.fromEntries(rows.map((r) => [r.id, r.name]));
}

/**
 * Where an alert about a brokerage goes: its CSM; with none (or a disabled one), the
 * team address TEAM_ALERTS_EMAIL; without that, every active staff administrator, so an
 * unassigned brokerage's alert always reaches someone who can assign it.
 */
export async function alertAddress(tx: Executor, csmId: string | null): Promise<string | null> {
  const contact = await findStaffContact(tx, csmId);
  if (contact) return contact.email;
  const team = env().TEAM_ALERTS_EMAIL;
  if (team) return team;
  const admins = await tx
    .select({ email: users.email })
    .from(users)
    .where(and(eq(users.role, "admin"), isNull(users.disabledAt)))
    .orderBy(asc(users.email));
  return admins.length ? admins.map((a) => a.email).join(", ") : null;
}
