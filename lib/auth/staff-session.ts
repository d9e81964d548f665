import "server-only";
import { auth } from "./auth";
import { isStaffRole, type StaffRole } from "./roles";

/** The signed-in staff member, as pages and actions see them: no more than they need. */
export type Staff = { id: string; name: string; email: string; role: StaffRole };

export type StaffAuthorization =
  | { ok: true; staff: Staff }
  | { ok: false; reason: "signed-out" }
  | { ok: false; reason: "forbidden"; staff: Staff };

/**
 * Reads the staff session from request headers (its cookie) and checks the role.
 * A disabled account, an unknown role or a brokerage's cookie count as signed out.
 */
export async function authorizeStaff(headers: Headers, roles: readonly StaffRole[]): Promise<StaffAuthorization> {
  const session = await auth().api.getSession({ headers });
  const user = session?.user;
  if (!user || user.disabledAt || !isStaffRole(user.role)) return { ok: false, reason: "signed-out" };
  const staff: Staff = { id: user.id, name: user.name, email: user.email, role: user.role };
  if (!roles.includes(staff.role)) return { ok: false, reason: "forbidden", staff };
  return { ok: true, staff };
}
