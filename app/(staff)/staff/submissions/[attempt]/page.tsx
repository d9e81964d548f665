import { GOOGLE_SCOPE_STRINGS } from "@/lib/google/scopes";
import { PROVIDER_LABELS, providerOfMethod } from "@/lib/validation/credential-method";
import type { Metadata } from "next";
import { OneTimeNotice } from "@/components/staff/one-time-notice";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { AttemptChangesSection } from "@/components/review/attempt-changes";
import { DecisionForms } from "@/components/review/decision-forms";
import { describeAction } from "@/components/review/history-words";
import { ATTEMPT_STATUS_LABELS, checkLabel } from "@/components/review/labels";
import { NoteForm, RevokeForm } from "@/components/review/attempt-text-form";
import { RefreshWhile } from "@/components/review/refresh-while";
import { RequestChangesForm } from "@/components/review/request-changes-form";
import { RunChecks } from "@/components/review/run-checks";
import { STATUS_TONES } from "@/components/review/tag";
import { NotificationBanner } from "@/components/form/notification-banner";
import { Tag } from "@/components/form/tag";
import { StageTag } from "@/components/staff/stage-tag";
import { SummaryList } from "@/components/form/summary-list";
import { WarningText } from "@/components/form/warning-text";
import { domainMismatches, mismatchForStaff } from "@/lib/providers/domain-match";
import { ReadinessSummary } from "@/components/staff/readiness/readiness-summary";
import { readinessSummaries } from "@/lib/readiness/view";
import { ProviderSummary } from "@/components/providers/provider-summary";
import { ACCESS_SCOPE_LABELS } from "@/lib/validation/access-scope";
import { requireStaffRole } from "@/lib/auth/require-staff-role";
import { AREA_ROLES } from "@/lib/auth/roles";
import { db } from "@/lib/db/client";
import { formatDateTime, formatDay } from "@/lib/format/dates";
import { isGuid } from "@/lib/validation/guid";
import { providerForBrokerage } from "@/lib/providers/brokerage-provider";
import { getSubmissionDetail } from "@/lib/review/detail";
import { problemChoices } from "@/lib/review/problem-choices";
import { describeRotation, rotationStateOf } from "@/lib/rotation/state";
import { staffNames } from "@/lib/email/staff-contact";
import { addNoteAction, approveAction, requestChangesAction, rerunAction, revokeAction } from "../actions";

const load = cache(async (id: string) => (isGuid(id) ? getSubmissionDetail(id) : null));

type Props = { params: Promise<{ attempt: string }>; searchParams: Promise<Record<string, string | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  await requireStaffRole(...AREA_ROLES.review);
  const detail = await load((await params).attempt);
  return { title: detail ? `${detail.brokerage.name}, attempt ${detail.attempt.number}` : "Submission not found" };
}

const NOTICES: Record<string, string> = {
  approved: "Approved. These are now the brokerage's active credentials, and the sync service has been told.",
  rerun: "The checks are running again on the stored secret. This page updates when they finish.",
  "changes-requested": "Request for changes sent to the administrator, with a new link to the form.",
  "note-added": "Note saved.",
  revoked: "Credentials revoked. The sync service has been told, and the secret is destroyed.",
};

const CONNECTS_WITH = {
  "client-secret": "A client secret",
  certificate: "A certificate the portal made",
  "vendor-app": "Connect with Microsoft: admin consent to our own app, no secret",
} as const;

/** Revocation is the customer's (DESIGN §9): where their administrator removes it; scheduled re-verification notices. */
const VENDOR_APP_REMOVAL =
  "Granted by the brokerage's administrator. They remove it in the Microsoft Entra admin center: Enterprise applications → our app → Properties → Delete (or Permissions → Revoke). Scheduled re-verification flags it when removed.";

export default async function SubmissionPage({ params, searchParams }: Props) {
  await requireStaffRole(...AREA_ROLES.review);
  const [{ attempt: attemptId }, query] = await Promise.all([params, searchParams]);
  const detail = await load(attemptId);
  if (!detail) notFound();
  const { brokerage, attempt, runs, latestRun, activeApproval } = detail;

  const [names, provider, rotation, readiness] = await Promise.all([
    staffNames(db(), [
    brokerage.csmId,
    ...detail.approvals.flatMap((a) => [a.approvedBy, a.endedBy]),
    ...detail.notes.map((n) => n.authorId),
    ...detail.changeRequests.map((r) => r.requestedBy),
    ...detail.history.filter((h) => h.actorType === "staff").map((h) => h.actorId),
    ...runs.map((r) => r.triggeredBy),
    ]),
    // Where the brokerage's email domain points, beside the tenant the administrator chose.
    providerForBrokerage(brokerage.id),
    rotationStateOf(brokerage.id),
    readinessSummaries([brokerage.id]),
  ]);
  // A verified rotation approves its new credential by itself (lib/rotation).
  const who = (id: string | null) => (id === "rotation" ? "the automatic rotation" : id ? (names[id] ?? "a former member of staff") : "nobody");
  const isActive = activeApproval?.attemptId === attempt.id;
  // `since` outlives the notice (taken out of the address once shown): the page keeps refreshing until that run ends.
  const rerunSince = query.since && Number.isFinite(Number(query.since)) ? Number(query.since) : null;
  const waiting = runs[0]?.outcome === "running" || (rerunSince !== null && !runs.some((r) => r.startedAt.getTime() >= rerunSince - 1000 && r.outcome !== "running"));
  const problems = problemChoices(latestRun?.checks ?? [], checkLabel);
  const base = `/staff/submissions/${attempt.id}`;
  const mismatch = domainMismatches({ brokerageDomain: provider?.domain, brokerageTenantId: provider?.tenantId }, attempt).map(mismatchForStaff);

  return (
    <div className="max-w-4xl">
      <RefreshWhile active={waiting} />
      <Link href="/staff/submissions" className="mb-6 inline-block text-brand-700 underline">
        Back to submissions
      </Link>
      {query.notice && NOTICES[query.notice] ? <OneTimeNotice>{NOTICES[query.notice]}</OneTimeNotice> : null}
      {isActive && activeApproval?.regressedAt ? (
        <NotificationBanner title="These approved credentials stopped working">
          Re-verification failed on {formatDateTime(activeApproval.regressedAt)} where it passed before. The latest run below says why; ask the administrator for changes, or revoke the credentials.
        </NotificationBanner>
      ) : null}

      <span className="block text-lg text-muted">
        Attempt {attempt.number} of {detail.attempts.length}
      </span>
      <h1 className="mb-3 break-words text-3xl font-bold sm:text-4xl">{brokerage.name}</h1>
      <p className="mb-6 flex flex-wrap items-center gap-2">
        <Tag tone={STATUS_TONES[attempt.status] ?? "grey"}>{ATTEMPT_STATUS_LABELS[attempt.status] ?? attempt.status}</Tag>
        {isActive ? <Tag tone="green">Active credentials</Tag> : null}
      </p>

      <section aria-labelledby="decision-heading" className="mb-10 bg-panel p-4">
        <h2 id="decision-heading" className="mb-2 text-xl font-bold">
          Decision
        </h2>
        {waiting ? (
          <p className="mb-3 font-bold" role="status">
            The checks are running.
          </p>
        ) : null}
        {mismatch.length ? (
          <div className="mb-4" data-domain-mismatch>
            <WarningText>These credentials may belong to another organisation</WarningText>
            <ul className="mt-1 list-disc pl-6">
              {mismatch.map((m) => (
                <li key={m}>{m}</li>
              ))}
            </ul>
          </div>
        ) : null}
        {detail.approvalBlocker && !isActive ? <p className="mb-3">Approval is not possible yet: {detail.approvalBlocker}</p> : null}
        {isActive ? <p className="mb-3">Approved by {who(activeApproval.approvedBy)} on {formatDateTime(activeApproval.approvedAt)}.</p> : null}
        <DecisionForms actions={{ approve: approveAction, rerun: rerunAction }} attemptId={attempt.id} blocker={waiting ? "running" : detail.approvalBlocker} canRerun={attempt.secretStored && !waiting} mismatch={mismatch} />
      </section>

      <h2 className="mb-3 text-2xl font-bold">What was submitted</h2>
      <SummaryList
        rows={[
          { key: "Provider", value: PROVIDER_LABELS[providerOfMethod(attempt.credentialMethod)] },
          ...(attempt.credentialMethod === "google-delegation" ? googleRows(attempt) : [
          { key: "Tenant ID", value: <span className="font-mono break-all">{attempt.tenantId}</span> },
          { key: "Client ID", value: <span className="font-mono break-all">{attempt.clientId}</span> },
          { key: "Connects with", value: CONNECTS_WITH[attempt.credentialMethod] },
          { key: "Credential rotation", value: <span data-testid="rotation-state">{describeRotation(rotation)}</span> },
          ...(attempt.credentialMethod === "vendor-app"
            ? [
                { key: "Consent", value: VENDOR_APP_REMOVAL },
                { key: "Vendor certificate expires", value: `${formatDay(attempt.secretExpiresOn)} (renewed by us, nothing for the brokerage to do)` },
              ]
            : attempt.credentialMethod === "certificate"
            ? [
                {
                  key: "Certificate",
                  value: (
                    <>
                      Thumbprint (SHA-256) <span className="font-mono break-all">{attempt.certificateThumbprint}</span>
                      <span className="block">{attempt.secretStored ? "Private key stored encrypted" : "Private key destroyed"}</span>
                    </>
                  ),
                },
                { key: "Certificate expires", value: attempt.certificateNotAfter ? formatDateTime(attempt.certificateNotAfter) : "Unknown" },
              ]
            : [
          {
            key: "Client secret",
            value: attempt.secretStored ? (
              <>
                Starts with <span className="font-mono">{attempt.secretHint}</span>, stored encrypted
              </>
            ) : (
              <>
                Started with <span className="font-mono">{attempt.secretHint}</span>, destroyed
              </>
            ),
          },
          { key: "Secret expires", value: formatDay(attempt.secretExpiresOn) },
              ]),
          { key: "Test mailbox", value: <span className="break-all">{attempt.testMailbox}</span> },
          { key: "Test message", value: attempt.sendTestMessage ? "Send one to the test mailbox" : "Do not send" },
          { key: "Access scope", value: ACCESS_SCOPE_LABELS[attempt.accessScope ?? "organization"] },
          ...(attempt.accessScope === "exchange-rbac"
            ? [{ key: "Mailbox outside the group", value: <span className="break-all">{attempt.outsideMailbox ?? "None given"}</span> }]
            : []),
          ]),
          {
            key: "Submitted by",
            value: (
              <>
                {attempt.submitterName}
                <span className="block break-all">{attempt.submitterEmail}</span>
                {attempt.submitterPhone ? <span className="block">{attempt.submitterPhone}</span> : null}
              </>
            ),
          },
          { key: "Submitted", value: formatDateTime(attempt.createdAt) },
          {
            key: "Brokerage stage",
            value: <StageTag stage={brokerage.stage} />,
            change: { href: `/staff/onboarding/brokerages/${brokerage.id}` },
          },
          { key: "Customer-success manager", value: brokerage.csmId ? who(brokerage.csmId) : "Not assigned" },
          { key: "Email provider", value: <ProviderSummary detection={provider} /> },
          { key: "Agent mailboxes", value: <ReadinessSummary brokerageId={brokerage.id} summary={readiness.get(brokerage.id)} /> },
        ]}
      />

      <h2 className="mb-3 text-2xl font-bold">Check results</h2>
      {runs.length === 0 ? <p className="mb-8">No run yet.</p> : null}
      {runs.map((run, index) => (
        <details key={run.id} open={index === 0} className="mb-4 border-l-4 border-gray-300 pl-4">
          <summary className="cursor-pointer py-1 text-lg text-brand-700 underline">
            {index === 0 ? "Latest run" : "Earlier run"}, {formatDateTime(run.startedAt)}
          </summary>
          <RunChecks run={run} reportHref={`${base}/runs/${run.id}/report`} />
        </details>
      ))}
      {detail.moreRuns ? <p className="mb-8 text-muted">Older runs are in the audit log.</p> : null}

      {detail.changes ? <AttemptChangesSection changes={detail.changes} /> : null}

      {attempt.status !== "superseded" ? (
        <section aria-labelledby="changes-request-heading" className="mb-10">
          <h2 id="changes-request-heading" className="mb-3 text-2xl font-bold">
            Ask the administrator for changes
          </h2>
          <RequestChangesForm requestChanges={requestChangesAction} attemptId={attempt.id} problems={problems} recipient={attempt.submitterEmail} />
          {detail.changeRequests.length ? (
            <ul className="mt-6 space-y-3">
              {detail.changeRequests.map((r) => (
                <li key={r.id} className="border-l-4 border-gray-300 pl-3">
                  <span className="font-bold">
                    {formatDateTime(r.createdAt)}, by {who(r.requestedBy)}
                  </span>
                  {r.checkIds.length ? <span className="block">Fixes sent: {r.checkIds.map(checkLabel).join(", ")}</span> : null}
                  {r.message ? <span className="block whitespace-pre-line">{r.message}</span> : null}
                </li>
              ))}
            </ul>
          ) : null}
        </section>
      ) : null}

      {isActive ? (
        <section aria-labelledby="revoke-heading" className="mb-10">
          <h2 id="revoke-heading" className="mb-3 text-2xl font-bold">
            Revoke these credentials
          </h2>
          <p className="mb-4">The sync service stops using them, the secret is destroyed, and the brokerage needs a new invite to submit again.</p>
          <RevokeForm attemptId={attempt.id} revoke={revokeAction} />
        </section>
      ) : null}

      <section aria-labelledby="notes" className="mb-10">
        <h2 id="notes" className="mb-3 text-2xl font-bold">
          Notes
        </h2>
        {detail.notes.length === 0 ? <p className="mb-4">No notes yet.</p> : null}
        <ul className="mb-6 space-y-3">
          {detail.notes.map((n) => (
            <li key={n.id} className="border-l-4 border-brand-700 pl-3">
              <span className="block text-sm text-muted">
                {who(n.authorId)}, {formatDateTime(n.createdAt)}
              </span>
              <span className="block whitespace-pre-line break-words">{n.body}</span>
            </li>
          ))}
        </ul>
        <NoteForm attemptId={attempt.id} addNote={addNoteAction} />
      </section>

      <section aria-labelledby="attempts-heading" className="mb-10">
        <h2 id="attempts-heading" className="mb-3 text-2xl font-bold">
          Every attempt
        </h2>
        <ol className="space-y-2">
          {detail.attempts.map((a) => (
            <li key={a.id} className="flex flex-wrap items-center gap-2">
              {a.id === attempt.id ? (
                <span className="font-bold">Attempt {a.number} (this one)</span>
              ) : (
                <Link href={`/staff/submissions/${a.id}`} className="text-brand-700 underline">
                  Attempt {a.number}
                </Link>
              )}
              <span className="text-muted">{formatDateTime(a.createdAt)}</span>
              <Tag tone={STATUS_TONES[a.status] ?? "grey"}>{ATTEMPT_STATUS_LABELS[a.status] ?? a.status}</Tag>
            </li>
          ))}
        </ol>
      </section>

      <section aria-labelledby="history-heading" className="mb-10">
        <h2 id="history-heading" className="mb-3 text-2xl font-bold">
          History
        </h2>
        <ol className="space-y-2">
          {detail.history.map((h) => (
            <li key={h.id}>
              <span className="text-muted">{formatDateTime(h.at)}</span> {describeAction(h.action, h.detail)}
              {h.actorType === "staff" ? <span className="text-muted">, by {who(h.actorId)}</span> : null}
            </li>
          ))}
        </ol>
      </section>
    </div>
  );
}

/** Google Workspace: the domain, our service account's client ID and the scopes; nothing secret, no expiry. */
function googleRows(attempt: { tenantId: string; clientId: string; testMailbox: string; sendTestMessage: boolean }) {
  return [
    { key: "Google Workspace domain", value: <span className="break-all">{attempt.tenantId}</span> },
    { key: "Connects with", value: "Domain-wide delegation to our service account" },
    { key: "Service account client ID", value: <span className="font-mono break-all">{attempt.clientId}</span> },
    {
      key: "Scopes",
      value: (
        <ul>
          {GOOGLE_SCOPE_STRINGS.map((scope) => (
            <li key={scope} className="font-mono break-all">
              {scope}
            </li>
          ))}
        </ul>
      ),
    },
    { key: "Expires", value: "Does not expire (the administrator can remove the delegation)" },
    { key: "Test user", value: <span className="break-all">{attempt.testMailbox}</span> },
    { key: "Test message", value: attempt.sendTestMessage ? "Send one to the test user" : "Do not send" },
  ];
}
