import { eq } from "drizzle-orm";
import { inAuditedTransaction } from "../audit/change";
import type { StaffRole } from "../auth/roles";
import { createStaffAccount } from "../auth/staff-accounts";
import { db } from "../db/client";
import { users } from "../db/schema";

/** One demo staff account per role, with printed passwords: for `npm run demo` only. */
export const DEMO_STAFF: Array<{ role: StaffRole; name: string; email: string; password: string }> = [
  { role: "onboarding", name: "Olivia Onboarding", email: "onboarding@staff.example", password: "demo-onboarding-password" },
  { role: "csm", name: "Casey Success", email: "csm@staff.example", password: "demo-csm-password" },
  { role: "admin", name: "Alex Admin", email: "admin@staff.example", password: "demo-admin-password" },
];

/** Creates the accounts that do not exist yet; an existing one (and its password) is left alone. */
export async function seedDemoStaff() {
  for (const account of DEMO_STAFF) {
    const [existing] = await db().select({ id: users.id }).from(users).where(eq(users.email, account.email));
    if (existing) continue;
    await inAuditedTransaction({ type: "system", id: "demo-seed" }, null, (change) => createStaffAccount(change, account));
  }
  return DEMO_STAFF;
}
