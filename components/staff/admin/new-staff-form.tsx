"use client";

import { useActionState } from "react";
import type { FormAction } from "@/components/form/form-action";
import { SubmitButton } from "@/components/form/submit-button";
import { ErrorSummary } from "@/components/form/error-summary";
import { Radios } from "@/components/form/radios";
import { TextField } from "@/components/form/text-field";
import { IDLE } from "@/lib/actions/state";
import { ROLE_LABELS, STAFF_ROLES } from "@/lib/auth/roles";

const ROLE_HINTS = {
  onboarding: "Adds brokerages and sends invite links",
  csm: "Reviews and approves submissions",
  admin: "Manages staff accounts",
} as const;

export function NewStaffForm({ create }: { create: FormAction }) {
  const [state, action] = useActionState(create, IDLE);
  return (
    <>
      <ErrorSummary errors={state.errors} message={state.message} />
      <form action={action} noValidate>
        <TextField name="name" label="Full name" autoComplete="off" error={state.errors?.name} defaultValue={state.values?.name} />
        <TextField name="email" label="Email address" hint="Their work address; it is also how Microsoft sign-in finds them" type="email" autoComplete="off" spellCheck={false} error={state.errors?.email} defaultValue={state.values?.email} />
        <Radios name="role" legend="Role" error={state.errors?.role} defaultValue={state.values?.role} options={STAFF_ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r], hint: ROLE_HINTS[r] }))} />
        <TextField name="password" label="Password" hint="At least 12 characters. Share it with them securely." type="password" autoComplete="new-password" error={state.errors?.password} />
        <SubmitButton>Create account</SubmitButton>
      </form>
    </>
  );
}
