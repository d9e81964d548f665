import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { NotificationBanner } from "@/components/form/notification-banner";
import { LiveStatus } from "@/components/submission/live-status";
import { requireBrokerageSession } from "@/lib/auth/require-brokerage-session";
import { getAttemptForBrokerage, getLatestAttempt } from "@/lib/submissions/queries";
import { consentMailtoFor } from "@/lib/submissions/consent-mail";
import { getStatusView } from "@/lib/submissions/status-view";
import { ensureVerificationQueued } from "@/lib/submissions/verification-job";

export const metadata: Metadata = { title: "Your results" };
export const dynamic = "force-dynamic";

type Props = { params: Promise<{ attempt: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function AttemptStatusPage({ params, searchParams }: Props) {
  const session = await requireBrokerageSession();
  const attempt = await getAttemptForBrokerage(session.brokerageId, (await params).attempt);
  if (!attempt) notFound();
  const [view, latest] = await Promise.all([getStatusView(attempt), getLatestAttempt(session.brokerageId)]);
  await ensureVerificationQueued(attempt, view.phase !== "queued");
  const alreadySent = (await searchParams)["already-sent"] === "1";

  return (
    <div className="max-w-3xl">
      {!view.final ? (
        // Without JavaScript there is no live stream: the page reloads itself instead.
        <noscript>
          <meta httpEquiv="refresh" content="3" />
          <p className="mb-4">This page reloads every few seconds until the checks finish.</p>
        </noscript>
      ) : null}
      {alreadySent ? (
        <NotificationBanner>
          This form had already been sent from another tab or window, so nothing new was sent. These are the results of
          attempt {attempt.number}.
        </NotificationBanner>
      ) : null}
      {attempt.status === "superseded" && latest && latest.id !== attempt.id ? (
        <NotificationBanner>
          Attempt {attempt.number} was replaced by attempt {latest.number}, and its client secret was deleted.{" "}
          <Link className="text-brand-700 underline" href={`/submit/status/${latest.id}`}>
            See the results of attempt {latest.number}
          </Link>
        </NotificationBanner>
      ) : null}
      <LiveStatus initial={view} consentMailto={consentMailtoFor(attempt.clientId)} />
      <p className="mt-4">
        <Link className="text-brand-700 underline" href="/submit/history">
          All your submissions
        </Link>
      </p>
    </div>
  );
}
