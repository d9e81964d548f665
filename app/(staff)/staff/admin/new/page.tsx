import type { Metadata } from "next";
import Link from "next/link";
import { NewStaffForm } from "@/components/staff/admin/new-staff-form";
import { requireStaffRole } from "@/lib/auth/require-staff-role";
import { AREA_ROLES } from "@/lib/auth/roles";
import { createStaffAccountAction } from "../actions";

export const metadata: Metadata = { title: "Add a staff account" };

export default async function NewStaffPage() {
  await requireStaffRole(...AREA_ROLES.admin);
  return (
    <div className="max-w-2xl">
      <Link href="/staff/admin" className="mb-6 inline-block text-brand-700 underline">
        Back to staff accounts
      </Link>
      <h1 className="mb-6 text-3xl font-bold sm:text-4xl">Add a staff account</h1>
      <NewStaffForm create={createStaffAccountAction} />
    </div>
  );
}
