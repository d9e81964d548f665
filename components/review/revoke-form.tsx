"use client";

import { useActionState } from "react";
import type { FormAction } from "@/components/form/form-action";
import { SubmitButton } from "@/components/form/submit-button";
import { ErrorSummary } from "@/components/form/error-summary";
import { IDLE } from "@/lib/actions/state";
import { TextArea } from "@/components/form/text-area";

/** Revoke the active credentials: the sync service is told at once and the secret is destroyed. */
export function RevokeForm({ attemptId, revoke }: { attemptId: string; revoke: FormAction }) {
  const [state, action] = useActionState(revoke, IDLE);
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
