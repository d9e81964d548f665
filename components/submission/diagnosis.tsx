import { diagnose, thingsToDo } from "@/lib/verification/diagnosis";
import { guideHref } from "@/lib/guide/steps";
import type { CheckView } from "@/lib/submissions/views";
import { viewWords } from "@/lib/submissions/view-words";

export const findingAnchor = (key: string) => `fix-${key.replace(/[^a-z0-9-]/gi, "-")}`;

/**
 * What to do, before the full list: one item per root cause, naming the guide step
 * that fixes it and the checks it explains.
 */
export function Diagnosis({ checks, withWarnings = false, consentMailto }: { checks: CheckView[]; withWarnings?: boolean; consentMailto?: string }) {
  const diagnosis = diagnose(checks, viewWords);
  const fixes = withWarnings ? [...diagnosis.fixes, ...diagnosis.warnings, ...diagnosis.unanswered] : diagnosis.fixes;
  if (fixes.length === 0) return null;
  const labels = new Map(checks.map((c) => [c.id as string, c.label]));
  return (
    <section aria-labelledby="diagnosis-heading" className="mb-8" data-diagnosis>
      <h2 id="diagnosis-heading" className="mb-4 text-2xl font-bold">
        {thingsToDo(fixes.length)}
      </h2>
      <ol className="space-y-6">
        {fixes.map((f, index) => (
          <li key={f.key} id={findingAnchor(f.key)} className="border-l-4 border-error pl-4" data-finding={f.key}>
            <h3 className="text-xl font-bold">
              {fixes.length > 1 ? `${index + 1}. ` : ""}
              {f.title}
              {f.guideLabel ? <span className="block text-lg font-normal"> {f.guideLabel}</span> : null}
            </h3>
            <p className="mt-2">{f.fix}</p>
            {f.detail ? <p className="mt-2 text-muted">{f.detail}</p> : null}
            {f.guideAnchor ? (
              <p className="mt-2">
                <a className="text-brand-700 underline" href={guideHref(f.guideAnchor)} target="_blank" rel="noopener">
                  {f.guideLabel ? `Open ${f.guideLabel.replace(/^Step/, "step")} in the setup guide` : "Open the setup guide"} (opens in a new tab)
                </a>
              </p>
            ) : null}
            {f.key === "consent-missing" && consentMailto ? (
              <p className="mt-2">
                <a className="font-bold text-brand-700 underline" href={consentMailto}>
                  Send this step to my Global Administrator
                </a>
              </p>
            ) : null}
            <p className="mt-2 text-sm font-bold">{f.checks.length === 1 ? "The check this is about" : `${f.checks.length} checks, for this one reason`}</p>
            <ul className="list-disc pl-6 text-sm">
              {f.checks.map((c) => (
                <li key={c.id}>{labels.get(c.id) ?? c.id}</li>
              ))}
            </ul>
          </li>
        ))}
      </ol>
    </section>
  );
}
