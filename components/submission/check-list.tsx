import { guideHref, guideSectionLabel } from "@/lib/guide/steps";
import type { CheckView } from "@/lib/submissions/views";
import { diagnose } from "@/lib/verification/diagnosis";
import { viewWords } from "@/lib/submissions/view-words";
import { findingAnchor } from "./diagnosis";
import { StatusTag } from "./status-tag";

/**
 * The checks as a list: each row its label and status; anything that is not a pass
 * says what happened and what fixes it, with the guide step that shows how.
 */
export function CheckList({ checks, headingLevel = 3, diagnosed = false }: { checks: CheckView[]; headingLevel?: 2 | 3; diagnosed?: boolean }) {
  // With the diagnosis above, a failed row names its cause and points up rather than say the fix again.
  const causeOf = diagnosed ? causes(checks) : new Map<string, { key: string; title: string }>();
  return (
    <ol className="mb-8 border-t border-gray-300">
      {checks.map((check) => (
        <li key={check.id} id={`check-${check.id.replace(".", "-")}`} className="border-b border-gray-300 py-3" data-check={check.id} data-status={check.status}>
          <div className="flex flex-wrap items-start justify-between gap-2">
            <span className="min-w-0 flex-1">{check.label}</span>
            <StatusTag status={check.status} />
          </div>
          {causeOf.has(check.id) ? (
            <p className="mt-1">
              <a className="text-brand-700 underline" href={`#${findingAnchor(causeOf.get(check.id)!.key)}`}>
                {causeOf.get(check.id)!.title}: what to do
              </a>
            </p>
          ) : check.status === "fail" || check.status === "warn" || check.status === "error" ? (
            <CheckProblem check={check} headingLevel={headingLevel} />
          ) : null}
          {check.status === "skipped" && check.detail ? <p className="mt-1 text-muted">{check.detail}</p> : null}
        </li>
      ))}
    </ol>
  );
}

function CheckProblem({ check, headingLevel }: { check: CheckView; headingLevel: 2 | 3 }) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  const anchor = check.remediation?.guideAnchor ?? check.guideAnchor;
  return (
    <div className={`mt-2 border-l-4 pl-4 ${check.status === "fail" ? "border-error" : "border-gray-400"}`}>
      {check.title ? <Heading className="font-bold">{check.title}</Heading> : null}
      {check.detail ? <p className="mt-1">{check.detail}</p> : null}
      {check.remediation ? (
        <div className="mt-2">
          <p className="font-bold">{check.remediation.title}</p>
          {check.remediation.detail ? <p>{check.remediation.detail}</p> : null}
        </div>
      ) : null}
      {anchor ? (
        <p className="mt-2">
          <a className="text-brand-700 underline" href={guideHref(anchor)} target="_blank" rel="noopener">
            {guideSectionLabel(anchor) ?? "How to fix this"}, in the setup guide (opens in a new tab)
          </a>
        </p>
      ) : null}
      {check.microsoft ? (
        <p className="mt-2 text-sm text-muted">
          Microsoft said: <code className="font-mono">{check.microsoft.code}</code>
          {check.microsoft.requestId ? (
            <>
              {" "}
              (request ID <code className="font-mono break-all">{check.microsoft.requestId}</code>)
            </>
          ) : null}
        </p>
      ) : null}
    </div>
  );
}

function causes(checks: CheckView[]) {
  const map = new Map<string, { key: string; title: string }>();
  for (const f of diagnose(checks, viewWords).fixes) for (const c of f.checks) map.set(c.id, { key: f.key, title: f.title });
  return map;
}
