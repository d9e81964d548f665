"use client";

import { useActionState } from "react";
import type { FormAction } from "@/components/form/form-action";
import { SubmitButton } from "@/components/form/submit-button";
import { ErrorSummary } from "@/components/form/error-summary";
import { IDLE } from "@/lib/actions/state";

/** Approve (when allowed) and re-run: the two buttons at the top of a submission. */
export function DecisionForms({
  attemptId,
  blocker,
  canRerun,
  actions,
}: {
  attemptId: string;
  blocker: string | null;
  canRerun: boolean;
  actions: { approve: FormAction; rerun: FormAction };
}) {
  const [approveState, approve] = useActionState(actions.approve, IDLE);
  const [rerunState, rerun] = useActionState(actions.rerun, IDLE);
  const problem = approveState.status === "error" ? approveState : rerunState.status === "error" ? rerunState : null;
  return (
    <>
      {problem ? <ErrorSummary message={problem.message} /> : null}
      <div className="flex flex-wrap items-start gap-4">
        {blocker === null ? (
          <form action={approve}>
            <input type="hidden" name="attemptId" value={attemptId} />
            <SubmitButton>Approve these credentials</SubmitButton>
          </form>
        ) : null}
        {canRerun ? (
          <form action={rerun}>
            <input type="hidden" name="attemptId" value={attemptId} />
            <SubmitButton variant="secondary">Re-run the checks</SubmitButton>
          </form>
        ) : null}
      </div>
    </>
  );
}
