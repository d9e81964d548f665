"use client";

import { useActionState, type ReactNode } from "react";
import { IDLE } from "@/lib/actions/state";
import type { FormAction } from "./form-action";
import { SubmitButton } from "./submit-button";

/** A one-button form in a table row: its refusal or its result in words right below it. */
export function InlineAction({ action, fields, children, done }: { action: FormAction; fields: Record<string, string>; children: ReactNode; done: string }) {
  const [state, run] = useActionState(action, IDLE);
  return (
    <form action={run} className="mt-2">
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <SubmitButton variant="secondary" small>
        {children}
      </SubmitButton>
      {state.status === "error" ? (
        <p role="alert" className="mt-1 font-bold text-error">
          {state.message}
        </p>
      ) : state.status === "ok" ? (
        <p role="status" className="mt-1">
          {done}
        </p>
      ) : null}
    </form>
  );
}
