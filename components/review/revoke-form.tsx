"use client";

import { useActionState } from "react";
import { revokeAction } from "@/app/(staff)/staff/submissions/actions";
import { SubmitButton } from "@/components/staff/form/button";
import { ErrorSummary } from "@/components/staff/form/error-summary";
import { IDLE } from "@/lib/actions/state";
import { TextArea } from "@/components/staff/form/text-area";

/** Revoke the active credentials: the sync service is told at once and the secret is destroyed. */
export function RevokeForm({ attemptId }: { attemptId: string }) {
  const [state, action] = useActionState(revokeAction, IDLE);
  return (
    <>
      <ErrorSummary errors={state.errors} message={state.message} />
      <form action={action} noValidate>
        <input type="hidden" name="attemptId" value={attemptId} />
        <TextArea name="reason" label="Why are you revoking these credentials?" hint="Recorded in the audit log" error={state.errors?.reason} defaultValue={state.values?.reason} rows={2} />
        <SubmitButton variant="warning">Revoke the credentials</SubmitButton>
      </form>
    </>
  );
}
