import type { Metadata } from "next";
import { OneTimeNotice } from "@/components/staff/one-time-notice";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { buttonClass } from "@/components/form/button";
import { ProviderSummary } from "@/components/providers/provider-summary";
import { InviteList } from "@/components/staff/onboarding/invite-list";
import { StageTag } from "@/components/staff/stage-tag";
import { SummaryList } from "@/components/form/summary-list";
import { requireStaffRole } from "@/lib/auth/require-staff-role";
import { AREA_ROLES } from "@/lib/auth/roles";
import { formatDate, formatDateTime } from "@/lib/format/dates";
import { getBrokerageDetail, type InviteSummary } from "@/lib/onboarding/brokerage-detail";
import { describeEvent } from "@/lib/onboarding/history";
import { isGuid } from "@/lib/validation/guid";
import { formatAge, STAGE_HINTS } from "@/lib/onboarding/stages";
import { resendInviteAction, revokeInviteAction } from "../../actions";
import { providerForBrokerage } from "@/lib/providers/brokerage-provider";
import { ReadinessSummary } from "@/components/staff/readiness/readiness-summary";
import { readinessSummaries } from "@/lib/readiness/view";

const load = cache(async (id: string) => (isGuid(id) ? getBrokerageDetail(id) : null));

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  await requireStaffRole(...AREA_ROLES.onboarding);
  const brokerage = await load((await params).id);
  return { title: brokerage ? brokerage.name : "Brokerage not found" };
}

const NOTICES: Record<string, string> = {
  created: "Brokerage added. Create an invite link for its email administrator next.",
  updated: "Brokerage details saved.",
};

export default async function BrokeragePage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | undefined>> }) {
  await requireStaffRole(...AREA_ROLES.onboarding);
  const { id } = await params;
  const { notice } = await searchParams;
  const brokerage = await load(id);
  if (!brokerage) notFound();
  // Computed on view from the domain (a brief cache behind it), so it follows edits to the domain.
  const [provider, readiness] = await Promise.all([providerForBrokerage(brokerage.id), readinessSummaries([brokerage.id])]);
  const base = `/staff/onboarding/brokerages/${brokerage.id}`;

  return (
    <div className="max-w-4xl">
      <Link href="/staff/onboarding" className="mb-6 inline-block text-brand-700 underline">
        Back to the pipeline
      </Link>
      {notice && NOTICES[notice] ? <OneTimeNotice>{NOTICES[notice]}</OneTimeNotice> : null}
      <span className="block text-lg text-muted">Brokerage</span>
      <h1 className="mb-6 break-words text-3xl font-bold sm:text-4xl">{brokerage.name}</h1>
      <SummaryList
        rows={[
          {
            key: "Stage",
            value: (
              <>
                <StageTag stage={brokerage.stage} /> <span className="ml-1">for {formatAge(brokerage.stageChangedAt)}</span>
                <span className="block text-muted">{STAGE_HINTS[brokerage.stage]}</span>
              </>
            ),
          },
          { key: "Email domain", value: brokerage.emailDomain ?? "Not set", change: { href: `${base}/edit` } },
          { key: "Email provider", value: <ProviderSummary detection={provider} /> },
          { key: "Assigned CSM", value: brokerage.csmName ?? "Not assigned", change: { href: `${base}/edit` } },
          { key: "Agent mailboxes", value: <ReadinessSummary brokerageId={brokerage.id} summary={readiness.get(brokerage.id)} /> },
          { key: "Added", value: formatDate(brokerage.createdAt) },
        ]}
      />

      <div className="mb-4 flex flex-col gap-3 sm:flex-row sm:items-center sm:justify-between">
        <h2 className="text-2xl font-bold">Invite links</h2>
        <Link href={`${base}/invites/new`} className={buttonClass("primary")}>
          Create an invite link
        </Link>
      </div>
      <InviteList
        invites={brokerage.invites.map((i) => ({
          id: i.id,
          recipient: i.recipientName ? `${i.recipientName} (${i.recipientEmail})` : i.recipientEmail,
          status: i.status,
          created: formatDate(i.createdAt),
          expires: formatDate(i.expiresAt),
          email: emailWords(i.email),
        }))}
        actions={{ resend: resendInviteAction, revoke: revokeInviteAction }}
      />

      <h2 className="mb-4 mt-10 text-2xl font-bold">History</h2>
      {brokerage.history.length === 0 ? (
        <p>Nothing yet.</p>
      ) : (
        <ol className="space-y-3 border-l-4 border-gray-300 pl-4">
          {brokerage.history.map((event, index) => (
            <li key={index}>
              <span className="block font-bold">{describeEvent(event.action, event.detail)}</span>
              <span className="text-muted">
                {formatDateTime(event.at)}
                {event.actorName ? ` by ${event.actorName}` : event.actorType === "system" ? " by the portal" : event.actorType === "brokerage" ? " by the brokerage" : ""}
              </span>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}

/** What really happened to the email that carried a link. */
function emailWords(email: InviteSummary["email"]): string {
  if (!email) return "Not emailed";
  if (email.status === "sent") return `Email sent ${email.sentAt ? formatDate(email.sentAt) : ""}`.trim();
  if (email.status === "queued") return "Email queued to send";
  if (email.status === "failed") return "Email failed to send";
  return "Email not sent: in the outbox";
}
