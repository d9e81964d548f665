import { redirect } from "next/navigation";
import { requireStaffRole } from "@/lib/auth/require-staff-role";
import { AREA_ROLES, ROLE_HOME } from "@/lib/auth/roles";

/** Where sign-in lands without a page to return to: on to this person's main page. */
export default async function StaffStartPage() {
  const staff = await requireStaffRole(...AREA_ROLES.home);
  redirect(ROLE_HOME[staff.role]);
}
