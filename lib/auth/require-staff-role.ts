import "server-only";
import { headers } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import { STAFF_ROLES, type StaffRole } from "./roles";
import { authorizeStaff, type Staff } from "./staff-session";

export const SIGN_IN_PATH = "/staff/sign-in";

/** The signed-in staff member of this request, read once per request however many components ask. */
const staffOfRequest = cache(async (): Promise<Staff | null> => {
  const result = await authorizeStaff(await headers(), STAFF_ROLES);
  return result.ok ? result.staff : null;
});

/**
 * For staff pages (and their metadata): the signed-in staff member when their role
 * is one of `roles`. Signed out: redirect to sign-in. Another role: 404, which says
 * nothing about what is there.
 */
export async function requireStaffRole(...roles: StaffRole[]): Promise<Staff> {
  const staff = await staffOfRequest();
  if (!staff) redirect(SIGN_IN_PATH);
  if (!roles.includes(staff.role)) notFound();
  return staff;
}

/** For route handlers: the staff member, or the response that refuses the request. */
export async function authorizeStaffRequest(request: Request, ...roles: StaffRole[]): Promise<{ staff: Staff } | { refusal: Response }> {
  const result = await authorizeStaff(request.headers, roles);
  if (result.ok) return { staff: result.staff };
  if (result.reason === "signed-out") {
    return { refusal: new Response(null, { status: 303, headers: { Location: SIGN_IN_PATH, "Cache-Control": "no-store" } }) };
  }
  return { refusal: new Response("Not found", { status: 404, headers: { "Cache-Control": "no-store" } }) };
}

/** For the staff layout's navigation only (never as a guard): who is signed in, if anyone. */
export async function currentStaff(): Promise<Staff | null> {
  return staffOfRequest();
}
