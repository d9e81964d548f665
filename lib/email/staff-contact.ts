import "server-only";
import { and, eq, inArray, isNull } from "drizzle-orm";
import type { Executor } from "../db/client";
import { users } from "../db/schema";

export type StaffContact = { id: string; name: string; email: string };

/**
 * Where to write to a staff member (a brokerage's CSM). A disabled account, or none
 * assigned, gives null: the message then waits unaddressed in the staff outbox.
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
