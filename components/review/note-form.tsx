"use client";

import { useActionState } from "react";
import type { FormAction } from "@/components/form/form-action";
import { SubmitButton } from "@/components/form/submit-button";
import { ErrorSummary } from "@/components/form/error-summary";
import { IDLE } from "@/lib/actions/state";
import { TextArea } from "@/components/form/text-area";

/** A note on the brokerage, seen by every member of staff on every attempt. */
export function NoteForm({ attemptId, addNote }: { attemptId: string; addNote: FormAction }) {
  const [state, action] = useActionState(addNote, IDLE);
  return (
    <>
      <ErrorSummary errors={state.errors} message={state.message} />
      <form action={action} noValidate>
        <input type="hidden" name="attemptId" value={attemptId} />
        <TextArea name="body" label="Add a note" hint="For colleagues: calls, promises, context. The administrator never sees it." error={state.errors?.body} defaultValue={state.values?.body} rows={3} />
        <SubmitButton variant="secondary">Save note</SubmitButton>
      </form>
    </>
  );
}
