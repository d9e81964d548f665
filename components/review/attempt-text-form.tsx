"use client";

import { useActionState } from "react";
import type { FormAction } from "@/components/form/form-action";
import { ErrorSummary } from "@/components/form/error-summary";
import { SubmitButton } from "@/components/form/submit-button";
import { TextArea } from "@/components/form/text-area";
import type { ButtonVariant } from "@/components/form/button";
import { IDLE } from "@/lib/actions/state";

type Field = { name: string; label: string; hint: string; rows: number };

/** One text box about an attempt and a button: the shape of the note and revoke forms. */
function AttemptTextForm({ attemptId, action, field, submit, variant }: { attemptId: string; action: FormAction; field: Field; submit: string; variant: ButtonVariant }) {
  const [state, formAction] = useActionState(action, IDLE);
  return (
    <>
      <ErrorSummary errors={state.errors} message={state.message} />
      <form action={formAction} noValidate>
        <input type="hidden" name="attemptId" value={attemptId} />
        <TextArea name={field.name} label={field.label} hint={field.hint} error={state.errors?.[field.name]} defaultValue={state.values?.[field.name]} rows={field.rows} />
        <SubmitButton variant={variant}>{submit}</SubmitButton>
      </form>
    </>
  );
}

const NOTE: Field = { name: "body", label: "Add a note", hint: "For colleagues: calls, promises, context. The administrator never sees it.", rows: 3 };
const REVOKE_REASON: Field = { name: "reason", label: "Why are you revoking these credentials?", hint: "Recorded in the audit log", rows: 2 };

/** A note on the brokerage, seen by every member of staff on every attempt. */
export function NoteForm({ attemptId, addNote }: { attemptId: string; addNote: FormAction }) {
  return <AttemptTextForm attemptId={attemptId} action={addNote} field={NOTE} submit="Save note" variant="secondary" />;
}

/** Revoke the active credentials: the sync service is told at once and the secret is destroyed. */
export function RevokeForm({ attemptId, revoke }: { attemptId: string; revoke: FormAction }) {
  return <AttemptTextForm attemptId={attemptId} action={revoke} field={REVOKE_REASON} submit="Revoke the credentials" variant="warning" />;
}
