import type { Metadata } from "next";
import Link from "next/link";
import { BrokerageForm } from "@/components/staff/onboarding/brokerage-form";
import { requireStaffRole } from "@/lib/auth/require-staff-role";
import { AREA_ROLES } from "@/lib/auth/roles";
import { listAssignableCsms } from "@/lib/onboarding/brokerage-detail";
import { createBrokerageAction } from "../../actions";

export const metadata: Metadata = { title: "Add a brokerage" };

export default async function NewBrokeragePage() {
  await requireStaffRole(...AREA_ROLES.onboarding);
  const csms = await listAssignableCsms();
  return (
    <div className="max-w-2xl">
      <Link href="/staff/onboarding" className="mb-6 inline-block text-brand-700 underline">
        Back to the pipeline
      </Link>
      <h1 className="mb-6 text-3xl font-bold sm:text-4xl">Add a brokerage</h1>
      <BrokerageForm action={createBrokerageAction} csms={csms} submitLabel="Add brokerage" />
    </div>
  );
}
