"use client";

import { useState, useTransition } from "react";
import type { ActionState } from "@/lib/actions/state";
import type { CredentialsCheck as CheckAnswer } from "@/lib/submissions/form-state";
import { errorList, type FieldError } from "@/lib/validation/submission";
import { Button } from "@/components/form/button";
import { CheckList } from "./check-list";

type Props<I> = {
  read: () => I;
  check: (input: I) => Promise<ActionState<CheckAnswer>>;
  onInvalid: (errors: FieldError[]) => void;
  /** The values passed the schema: earlier errors on them no longer apply. */
  onValid: () => void;
  /** What the check signs in with, for its hint (the secret form's words by default). */
  hint?: string;
  /** What to correct when the values are not valid. */
  invalidMessage?: string;
};

/** "Check these credentials": the sign-in checks alone, before the rest of the form. */
export function CredentialsCheck<I>({ read, check, onInvalid, onValid, hint, invalidMessage }: Props<I>) {
  const [state, setState] = useState<ActionState<CheckAnswer> | null>(null);
  const [pending, startTransition] = useTransition();

  const run = () =>
    startTransition(async () => {
      const result = await check(read());
      if (result.status === "invalid") onInvalid(errorList(result.errors ?? {}));
      if (result.status === "ok" && result.result?.outcome === "checked") onValid();
      setState(result);
    });

  return (
    <div className="mt-4">
      <Button type="button" variant="secondary" onClick={run} disabled={pending} aria-describedby="credentials-check-hint">
        Check these credentials
      </Button>
      <p id="credentials-check-hint" className="mt-2 text-muted">
        {hint ?? "Signs in to Microsoft with the IDs and secret above, without sending the form."}
      </p>
      <div aria-live="polite" className="mt-2">
        {pending ? <p className="font-bold">Checking with Microsoft…</p> : state ? <CheckOutcome state={state} invalidMessage={invalidMessage} /> : null}
      </div>
    </div>
  );
}

function CheckOutcome({ state, invalidMessage }: { state: ActionState<CheckAnswer>; invalidMessage?: string }) {
  if (state.status === "invalid") return <p className="font-bold text-error">{invalidMessage ?? "Correct the Tenant ID, Client ID and client secret value first."}</p>;
  if (state.status !== "ok" || !state.result) return <p className="font-bold text-error">{state.message}</p>;
  const answer = state.result;
  switch (answer.outcome) {
    case "unavailable":
      return <p>We could not reach Microsoft just now. You can still send the form: every check runs then.</p>;
    case "checked": {
      const passed = answer.results.every((r) => r.status === "pass" || r.status === "warn");
      return (
        <div className="border-l-4 border-gray-300 pl-4">
          <p className="mb-2 font-bold">
            {passed ? "These credentials work: the app signed in and has the permissions it needs." : "These credentials do not work yet:"}
          </p>
          <CheckList checks={answer.results} headingLevel={3} />
        </div>
      );
    }
  }
}
