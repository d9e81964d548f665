import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { BrokerageForm } from "@/components/staff/onboarding/brokerage-form";
import { requireStaffRole } from "@/lib/auth/require-staff-role";
import { AREA_ROLES } from "@/lib/auth/roles";
import { getBrokerageDetail, listAssignableCsms } from "@/lib/onboarding/brokerage-detail";
import { isGuid } from "@/lib/validation/guid";
import { updateBrokerageAction } from "../../../actions";

export const metadata: Metadata = { title: "Change brokerage details" };

export default async function EditBrokeragePage({ params }: { params: Promise<{ id: string }> }) {
  await requireStaffRole(...AREA_ROLES.onboarding);
  const { id } = await params;
  const brokerage = isGuid(id) ? await getBrokerageDetail(id) : null;
  if (!brokerage) notFound();
  const csms = await listAssignableCsms();
  // Keep a CSM who has since been disabled visible as the current value rather than silently dropping them.
  const choices = brokerage.csmId && !csms.some((c) => c.id === brokerage.csmId) ? [...csms, { id: brokerage.csmId, name: `${brokerage.csmName ?? "Unknown"} (disabled)` }] : csms;
  return (
    <div className="max-w-2xl">
      <Link href={`/staff/onboarding/brokerages/${brokerage.id}`} className="mb-6 inline-block text-brand-700 underline">
        Back to {brokerage.name}
      </Link>
      <h1 className="mb-6 text-3xl font-bold sm:text-4xl">Change brokerage details</h1>
      <BrokerageForm
        action={updateBrokerageAction}
        csms={choices}
        initial={{ brokerageId: brokerage.id, name: brokerage.name, emailDomain: brokerage.emailDomain ?? "", csmId: brokerage.csmId ?? "none" }}
        submitLabel="Save changes"
      />
    </div>
  );
}
