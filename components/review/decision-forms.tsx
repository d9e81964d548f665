"use client";

import { useActionState } from "react";
import type { FormAction } from "@/components/form/form-action";
import { SubmitButton } from "@/components/form/submit-button";
import { ErrorSummary } from "@/components/form/error-summary";
import { IDLE } from "@/lib/actions/state";
import { TextArea } from "@/components/form/text-area";

/** Approve (when allowed) and re-run: the two buttons at the top of a submission. */
export function DecisionForms({
  attemptId,
  blocker,
  canRerun,
  actions,
  mismatch = [],
}: {
  attemptId: string;
  blocker: string | null;
  canRerun: boolean;
  /** The domain mismatches in the CSM's words: approving then needs a reason. */
  mismatch?: string[];
  actions: { approve: FormAction; rerun: FormAction };
}) {
  const [approveState, approve] = useActionState(actions.approve, IDLE);
  const [rerunState, rerun] = useActionState(actions.rerun, IDLE);
  const refused = (state: typeof approveState) => state.status === "error" || state.status === "invalid";
  const problem = refused(approveState) ? approveState : refused(rerunState) ? rerunState : null;
  return (
    <>
      {problem ? <ErrorSummary errors={problem.errors} message={problem.message} /> : null}
      <div className="flex flex-wrap items-start gap-4">
        {blocker === null ? (
          <form action={approve} noValidate className={mismatch.length ? "w-full" : undefined}>
            <input type="hidden" name="attemptId" value={attemptId} />
            {mismatch.length ? (
              <TextArea
                name="mismatchReason"
                label="Why approve although the domains do not match"
                hint="Recorded in the audit log with the approval. For example: the brokerage uses its parent company's Microsoft 365."
                error={approveState.errors?.mismatchReason}
                defaultValue={approveState.values?.mismatchReason}
                rows={3}
              />
            ) : null}
            <SubmitButton>{mismatch.length ? "Approve despite the mismatch" : "Approve these credentials"}</SubmitButton>
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
