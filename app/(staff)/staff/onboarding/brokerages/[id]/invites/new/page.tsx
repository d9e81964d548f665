import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { InviteForm } from "@/components/staff/onboarding/invite-form";
import { requireStaffRole } from "@/lib/auth/require-staff-role";
import { AREA_ROLES } from "@/lib/auth/roles";
import { getBrokerageDetail } from "@/lib/onboarding/brokerage-detail";
import { isGuid } from "@/lib/validation/guid";
import { createInviteAction } from "../../../../actions";
import { env } from "@/lib/env";

export const metadata: Metadata = { title: "Create an invite link" };

export default async function NewInvitePage({ params }: { params: Promise<{ id: string }> }) {
  await requireStaffRole(...AREA_ROLES.onboarding);
  const { id } = await params;
  const brokerage = isGuid(id) ? await getBrokerageDetail(id) : null;
  if (!brokerage) notFound();
  return (
    <div className="max-w-2xl">
      <Link href={`/staff/onboarding/brokerages/${brokerage.id}`} className="mb-6 inline-block text-brand-700 underline">
        Back to {brokerage.name}
      </Link>
      <span className="block text-lg text-muted">{brokerage.name}</span>
      <h1 className="mb-6 text-3xl font-bold sm:text-4xl">Create an invite link</h1>
      <InviteForm create={createInviteAction} brokerageId={brokerage.id} brokerageName={brokerage.name} mailServer={Boolean(env().SMTP_URL)} />
    </div>
  );
}
