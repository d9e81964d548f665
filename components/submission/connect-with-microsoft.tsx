"use client";

import { useActionState, type ReactNode } from "react";
import { IDLE, type ActionState } from "@/lib/actions/state";
import type { SubmitAccepted } from "@/lib/submissions/form-state";
import type { VendorAppSubmissionInput } from "@/lib/validation/submission";
import { Checkbox } from "@/components/form/checkbox";
import { ErrorSummary } from "@/components/form/error-summary";
import { SubmitButton } from "@/components/form/submit-button";
import { TextField } from "@/components/form/text-field";


/** "Sign in with Microsoft": posts to the action that makes a one-time state and sends the browser to Microsoft. */
export function StartConsentButton<R>({ start, children }: { start: (state: ActionState<R>, form: FormData) => Promise<ActionState<R>>; children: ReactNode }) {
  const [state, formAction] = useActionState(start, IDLE as ActionState<R>);
  return (
    <form action={formAction} className="mb-6">
      {state.status === "error" && state.message ? (
        <p role="alert" className="mb-2 font-bold text-error">
          {state.message}
        </p>
      ) : null}
      <SubmitButton>{children}</SubmitButton>
    </form>
  );
}

type State = ActionState<SubmitAccepted, VendorAppSubmissionInput>;

export type VendorAppFormProps = {
  submit: (state: State, form: FormData) => Promise<State>;
  consentId: string;
  /** Domains Microsoft says belong to the consented tenant, to suggest the test mailbox's. */
  domains: string[];
  defaults: { testMailbox?: string; submitterName?: string; submitterEmail?: string; submitterPhone?: string };
  idempotencyKey: string;
  basedOn: number;
};

/** After consent: the test mailbox and who is sending it. No tenant, no client id, no secret to type. */
export function VendorAppForm(props: VendorAppFormProps) {
  const [state, formAction] = useActionState(props.submit, IDLE);
  const errors = state.status === "invalid" ? (state.errors ?? {}) : {};
  const values = state.status === "invalid" ? state.values : undefined;
  const value = (name: keyof VendorAppFormProps["defaults"]) => (values ? String(values[name] ?? "") : (props.defaults[name] ?? ""));
  const example = props.domains[0] ? `agent@${props.domains[0]}` : "agent@yourbrokerage.com";
  return (
    <>
      <ErrorSummary errors={errors} message={state.status === "error" ? state.message : undefined} focusKey={state.at} />
      <form noValidate action={formAction} key={state.at ?? 0}>
        <input type="hidden" name="idempotencyKey" value={props.idempotencyKey} />
        <input type="hidden" name="basedOn" value={props.basedOn} />
        <input type="hidden" name="consentId" value={props.consentId} />
        <TextField
          name="testMailbox"
          label="Test mailbox"
          hint={
            props.domains.length
              ? `A licensed user in your Microsoft 365, such as an agent, like ${example}. Your tenant’s domains: ${props.domains.join(", ")}.`
              : `A licensed user in your Microsoft 365, such as an agent, like ${example}.`
          }
          error={errors.testMailbox}
          defaultValue={value("testMailbox")}
          type="email"
          autoComplete="off"
          spellCheck={false}
        />
        <Checkbox
          name="sendTestMessage"
          label="Send a test message from the test mailbox to itself"
          hint="Proves the app can send mail as your agents. One short message, in that mailbox’s Sent Items and Inbox."
          defaultChecked={values ? values.sendTestMessage === true : true}
        />
        <TextField name="submitterName" label="Full name" error={errors.submitterName} defaultValue={value("submitterName")} autoComplete="name" />
        <TextField
          name="submitterEmail"
          label="Email address"
          hint="Your customer success manager writes to you here about this setup."
          error={errors.submitterEmail}
          defaultValue={value("submitterEmail")}
          type="email"
          autoComplete="email"
        />
        <TextField name="submitterPhone" label="Phone number (optional)" error={errors.submitterPhone} defaultValue={value("submitterPhone")} type="tel" autoComplete="tel" width="medium" />
        <SubmitButton>Send and check</SubmitButton>
      </form>
    </>
  );
}
