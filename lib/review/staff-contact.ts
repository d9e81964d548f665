import "server-only";
import type { Executor } from "../db/client";

export type StaffContact = { id: string; name: string; email: string };

/**
 * The email address of a staff member (a brokerage's CSM), for notifications. Until
 * staff accounts exist, nobody can be looked up and messages wait unaddressed in the
 * staff outbox, as every notification does without a recipient.
 */
export async function findStaffContact(_tx: Executor, staffId: string | null): Promise<StaffContact | null> {
  if (!staffId) return null;
  return null;
}
