"use client";

import { useActionState } from "react";
import { SubmitButton } from "@/components/form/submit-button";
import { ErrorSummary } from "@/components/form/error-summary";
import { TextField } from "@/components/form/text-field";
import { IDLE } from "@/lib/actions/state";
import { signInAction } from "./actions";

export function SignInForm({ next }: { next: string }) {
  const [state, action] = useActionState(signInAction, IDLE);
  return (
    <>
      <ErrorSummary errors={state.errors} message={state.message} />
      <form action={action} noValidate className="max-w-xl">
        <input type="hidden" name="next" value={next} />
        <TextField name="email" label="Email address" type="email" autoComplete="username" spellCheck={false} error={state.errors?.email} defaultValue={state.values?.email} />
        <TextField name="password" label="Password" type="password" autoComplete="current-password" error={state.errors?.password} />
        <SubmitButton>Sign in</SubmitButton>
      </form>
    </>
  );
}
