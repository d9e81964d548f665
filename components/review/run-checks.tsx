import { guideHref, guideSectionLabel } from "@/lib/guide/steps";
import type { RunView } from "@/lib/runs/views";
import { formatDateTime } from "@/lib/format/dates";
import { checkLabel, OUTCOME_LABELS, TRIGGER_LABELS } from "./labels";
import { Tag } from "@/components/form/tag";
import { StatusTag } from "@/components/submission/status-tag";
import { OUTCOME_TONES } from "./tag";

function seconds(ms: number | null) {
  return ms === null ? "" : `${(ms / 1000).toFixed(1)} s`;
}

/** One run: when, why, how it ended, and every check with its reason, fix and Microsoft's references. */
export function RunChecks({ run, reportHref, headingLevel = 3 }: { run: RunView; reportHref: string; headingLevel?: 2 | 3 }) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <section aria-labelledby={`run-${run.id}`} className="mb-8">
      <div className="mb-3 flex flex-wrap items-baseline justify-between gap-2">
        <Heading id={`run-${run.id}`} className="text-xl font-bold">
          {TRIGGER_LABELS[run.trigger] ?? run.trigger}, {formatDateTime(run.startedAt)}
        </Heading>
        <a href={reportHref} className="text-brand-700 underline" download>
          Download report (JSON)<span className="sr-only"> of the run started {formatDateTime(run.startedAt)}</span>
        </a>
      </div>
      <p className="mb-3">
        <Tag tone={OUTCOME_TONES[run.outcome] ?? "grey"}>{OUTCOME_LABELS[run.outcome] ?? run.outcome}</Tag>
        {run.durationMs !== null ? <span className="ml-2 text-muted">in {seconds(run.durationMs)}</span> : null}
      </p>
      <ul className="border-t border-gray-300">
        {run.checks.map((check) => {
          return (
            <li key={check.id} className="border-b border-gray-300 py-3">
              <div className="flex flex-wrap items-baseline justify-between gap-2">
                <span className="font-bold">{checkLabel(check.id)}</span>
                <StatusTag status={check.status} />
              </div>
              {check.remediation ? (
                <div className="mt-2 max-w-3xl">
                  <p className="font-bold">{check.remediation.title}</p>
                  <p>{check.remediation.detail}</p>
                  {check.detail && check.detail !== check.remediation.detail ? <p className="mt-1 text-muted">{check.detail}</p> : null}
                  {check.remediation.guideAnchor ? (
                    <p className="mt-1">
                      <a href={guideHref(check.remediation.guideAnchor)} className="text-brand-700 underline">
                        {guideSectionLabel(check.remediation.guideAnchor) ?? "How to fix this"}, in the setup guide
                        <span className="sr-only"> ({checkLabel(check.id)})</span>
                      </a>
                    </p>
                  ) : null}
                  <dl className="mt-2 grid grid-cols-[9rem_1fr] gap-x-3 gap-y-1 text-sm">
                    <dt className="font-bold">Reason</dt>
                    <dd className="font-mono break-all">{check.reason ?? "none"}</dd>
                    {check.microsoft ? (
                      <>
                        <dt className="font-bold">Microsoft code</dt>
                        <dd className="font-mono break-all select-all">{check.microsoft.code}</dd>
                        {check.microsoft.requestId ? (
                          <>
                            <dt className="font-bold">Request ID</dt>
                            <dd className="font-mono break-all select-all">{check.microsoft.requestId}</dd>
                          </>
                        ) : null}
                        {check.microsoft.timestamp ? (
                          <>
                            <dt className="font-bold">Time</dt>
                            <dd className="font-mono break-all select-all">{check.microsoft.timestamp}</dd>
                          </>
                        ) : null}
                      </>
                    ) : null}
                  </dl>
                </div>
              ) : check.status === "pass" && check.detail ? (
                <p className="mt-1 text-muted">{check.detail}</p>
              ) : null}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
