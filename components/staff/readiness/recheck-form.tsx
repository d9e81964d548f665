"use client";

import { useActionState } from "react";
import type { FormAction } from "@/components/form/form-action";
import { ErrorSummary } from "@/components/form/error-summary";
import { SubmitButton } from "@/components/form/submit-button";
import { IDLE } from "@/lib/actions/state";

/** Check every agent's mailbox again, or only those not ready (and those not checked yet). */
export function RecheckForm({ brokerageId, recheck, failing }: { brokerageId: string; recheck: FormAction; failing: number }) {
  const [state, action] = useActionState(recheck, IDLE);
  return (
    <>
      <ErrorSummary errors={state.errors} message={state.message} />
      <form action={action} className="mb-8 flex flex-wrap gap-4">
        <input type="hidden" name="brokerageId" value={brokerageId} />
        <SubmitButton name="scope" value="all" variant="secondary">
          Check all again
        </SubmitButton>
        {failing > 0 ? (
          <SubmitButton name="scope" value="failing" variant="secondary">
            {`Check the ${failing.toLocaleString("en-US")} not ready again`}
          </SubmitButton>
        ) : null}
      </form>
    </>
  );
}
