import { randomBytes } from "node:crypto";
import { auth } from "@/lib/auth/auth";
import { inAuditedTransaction } from "@/lib/audit/change";
import type { StaffRole } from "@/lib/auth/roles";
import { createStaffAccount } from "@/lib/auth/staff-accounts";
import { env } from "@/lib/env";

/** Staff accounts and sessions for integration tests, made through the app's own code. */

export const TEST_PASSWORD = "correct horse battery staple";

export async function createStaff(role: StaffRole, overrides: { name?: string; email?: string } = {}) {
  const email = overrides.email ?? `${role}-${randomBytes(4).toString("hex")}@staff.example`;
  const name = overrides.name ?? `Test ${role}`;
  const { id } = await inAuditedTransaction({ type: "system", id: "tests" }, null, (change) =>
    createStaffAccount(change, { name, email, role, password: TEST_PASSWORD }),
  );
  return { id, email, name, role, password: TEST_PASSWORD };
}

/** POSTs a sign-in to better-auth's HTTP handler, as a browser would, from `ip`. */
export async function postSignIn(email: string, password: string, ip = "203.0.113.10") {
  return auth().handler(
    new Request(`${env().APP_URL}/api/auth/sign-in/email`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: env().APP_URL, "x-portal-client-address": ip, "user-agent": "integration-test" },
      body: JSON.stringify({ email, password }),
    }),
  );
}

/** A Cookie header for a fresh session of this account. */
export async function sessionCookie(email: string, password = TEST_PASSWORD, ip?: string): Promise<string> {
  const response = await postSignIn(email, password, ip);
  if (!response.ok) throw new Error(`sign-in failed with ${response.status}`);
  return response.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
}
