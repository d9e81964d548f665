"use client";

import { useActionState } from "react";
import type { FormAction } from "@/components/form/form-action";
import { SubmitButton } from "@/components/form/submit-button";
import { ErrorSummary } from "@/components/form/error-summary";
import { IDLE } from "@/lib/actions/state";
import { TextArea } from "@/components/form/text-area";

export type ProblemChoice = { key: string; checkIds: string[]; title: string; guideLabel: string | null; labels: string[] };

/**
 * Ask the administrator for changes: tick the problems whose fixes to send, add words
 * if needed. The email carries each fix and a fresh invite link.
 */
export function RequestChangesForm({ attemptId, problems, recipient, requestChanges }: { attemptId: string; problems: ProblemChoice[]; recipient: string; requestChanges: FormAction }) {
  const [state, action] = useActionState(requestChanges, IDLE);
  const error = state.errors?.checkIds;
  const firstId = problems.length ? "check-ids" : "message";
  return (
    <>
      <ErrorSummary errors={state.errors?.checkIds ? { [problems.length ? "checkIds" : "message"]: state.errors.checkIds } : state.errors} message={state.message} />
      <form action={action} noValidate>
        <input type="hidden" name="attemptId" value={attemptId} />
        {problems.length ? (
          <div className={`mb-6 ${error ? "border-l-4 border-error pl-4" : ""}`}>
            <fieldset aria-describedby={["fixes-hint", error ? "check-ids-error" : null].filter(Boolean).join(" ")}>
              <legend className="mb-1 font-bold">Problems to fix</legend>
              <p id="fixes-hint" className="mb-2 text-muted">
                Each one is sent with what to do and the guide section that shows how.
              </p>
              {error ? (
                <p id="check-ids-error" className="mb-2 font-bold text-error">
                  <span className="sr-only">Error:</span> {error}
                </p>
              ) : null}
              <div className="space-y-2">
                {problems.map((p, index) => {
                  const id = index === 0 ? firstId : `fix-${p.key.replace(/[^a-z0-9-]/gi, "-")}`;
                  const name = `fix-${p.checkIds.join("+")}`;
                  return (
                    <div key={p.key} className="flex items-start gap-2" data-problem={p.key}>
                      <input id={id} type="checkbox" name={name} value="yes" defaultChecked={state.values?.[name] === "yes"} className="mt-1 h-6 w-6 shrink-0 accent-ink" />
                      <label htmlFor={id} className="text-lg">
                        {p.title}
                        {p.guideLabel ? <span className="block text-base">Fixed in {p.guideLabel}</span> : null}
                        <span className="block text-base text-muted">
                          {p.labels.length === 1 ? p.labels[0] : `${p.labels.length} checks: ${p.labels.join("; ")}`}
                        </span>
                      </label>
                    </div>
                  );
                })}
              </div>
            </fieldset>
          </div>
        ) : null}
        <TextArea
          name="message"
          label={problems.length ? "Message (optional)" : "What needs to change"}
          hint={`Sent to ${recipient} with the fixes and a new link to the form`}
          error={state.errors?.message ?? (!problems.length ? state.errors?.checkIds : undefined)}
          defaultValue={state.values?.message}
        />
        <SubmitButton variant="secondary">Send the request for changes</SubmitButton>
      </form>
    </>
  );
}
