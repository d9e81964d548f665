import type { Metadata } from "next";
import { OneTimeNotice } from "@/components/staff/one-time-notice";
import Link from "next/link";
import { StaffTable } from "@/components/staff/admin/staff-table";
import { buttonClass } from "@/components/form/button";
import { requireStaffRole } from "@/lib/auth/require-staff-role";
import { AREA_ROLES } from "@/lib/auth/roles";
import { listStaffAccounts } from "@/lib/auth/staff-accounts";
import { isMicrosoftSignInEnabled } from "@/lib/auth/sso";
import { db } from "@/lib/db/client";
import { formatDateTime } from "@/lib/format/dates";
import { env } from "@/lib/env";
import { changeStaffRoleAction, setStaffDisabledAction } from "./actions";

export const metadata: Metadata = { title: "Staff accounts" };

export default async function StaffAdminPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const me = await requireStaffRole(...AREA_ROLES.admin);
  const { notice } = await searchParams;
  const accounts = await listStaffAccounts(db());
  return (
    <div>
      {notice === "created" ? <OneTimeNotice>Staff account created. Give them their password in person or through your password manager.</OneTimeNotice> : null}
      <div className="mb-6 flex flex-col gap-4 sm:flex-row sm:items-end sm:justify-between">
        <h1 className="text-3xl font-bold sm:text-4xl">Staff accounts</h1>
        <Link href="/staff/admin/new" className={buttonClass("primary")}>
          Add a staff account
        </Link>
      </div>
      <p className="mb-6 max-w-3xl text-lg">
        Onboarding team members manage brokerages and invite links. Customer-success managers review submissions. Staff administrators manage these accounts.
        {isMicrosoftSignInEnabled(env()) ? " Staff can also sign in with the Microsoft account that has the same email address." : ""}
      </p>
      <StaffTable
        staff={accounts.map((a) => ({
          id: a.id,
          name: a.name,
          email: a.email,
          role: a.role,
          disabled: a.disabledAt !== null,
          lastSignIn: a.lastSignInAt ? formatDateTime(a.lastSignInAt) : null,
          isYou: a.id === me.id,
        }))}
        actions={{ changeRole: changeStaffRoleAction, setDisabled: setStaffDisabledAction }}
      />
    </div>
  );
}
