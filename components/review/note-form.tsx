"use client";

import { useActionState } from "react";
import { addNoteAction } from "@/app/(staff)/staff/submissions/actions";
import { SubmitButton } from "@/components/staff/form/button";
import { ErrorSummary } from "@/components/staff/form/error-summary";
import { IDLE } from "@/lib/actions/state";
import { TextArea } from "@/components/staff/form/text-area";

/** A note on the brokerage, seen by every member of staff on every attempt. */
export function NoteForm({ attemptId }: { attemptId: string }) {
  const [state, action] = useActionState(addNoteAction, IDLE);
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
