"use client";

import { useActionState, useRef } from "react";
import { IDLE, type ActionState } from "@/lib/actions/state";
import type { CredentialsCheck as CheckAnswer, SubmitAccepted } from "@/lib/submissions/form-state";
import type { CertificateSubmissionInput } from "@/lib/validation/submission";
import { Checkbox } from "@/components/form/checkbox";
import { ErrorSummary } from "@/components/form/error-summary";
import { SubmitButton } from "@/components/form/submit-button";
import { TextField } from "@/components/form/text-field";
import { CredentialsCheck } from "./credentials-check";

type State = ActionState<SubmitAccepted, CertificateSubmissionInput>;

export type CertificateFormProps = {
  submit: (state: State, form: FormData) => Promise<State>;
  /** "Check these credentials": the two IDs with the brokerage's certificate, before sending. */
  check?: (input: { tenantId: string; clientId: string }) => Promise<ActionState<CheckAnswer>>;
  defaults: { tenantId?: string; clientId?: string; testMailbox?: string; submitterName?: string; submitterEmail?: string; submitterPhone?: string };
  idempotencyKey: string;
  basedOn: number;
  /** The administrator chose to replace credentials that work. */
  replaceWorking?: boolean;
};

const text = (values: CertificateSubmissionInput | undefined, name: keyof CertificateFormProps["defaults"], fallback = "") =>
  values ? values[name] : fallback;

/**
 * The `certificate` method's questions: Tenant ID, Client ID and the test mailbox,
 * and who is sending them. No secret and no expiry: the certificate the portal made
 * signs in, and its expiry is read from it. Posts without JavaScript too.
 */
export function CertificateForm(props: CertificateFormProps) {
  const [state, formAction] = useActionState(props.submit, IDLE);
  const errors = state.status === "invalid" ? (state.errors ?? {}) : {};
  const values = state.status === "invalid" ? state.values : undefined;
  const value = (name: keyof CertificateFormProps["defaults"]) => text(values, name, props.defaults[name] ?? "");
  const formRef = useRef<HTMLFormElement>(null);
  const read = () => {
    const form = new FormData(formRef.current ?? undefined);
    return { tenantId: String(form.get("tenantId") ?? ""), clientId: String(form.get("clientId") ?? "") };
  };
  return (
    <>
      <ErrorSummary errors={errors} message={state.status === "error" ? state.message : undefined} focusKey={state.at} />
      <form noValidate action={formAction} key={state.at ?? 0} ref={formRef}>
        <input type="hidden" name="idempotencyKey" value={props.idempotencyKey} />
        <input type="hidden" name="basedOn" value={props.basedOn} />
        {props.replaceWorking ? <input type="hidden" name="replaceWorking" value="yes" /> : null}
        <TextField
          name="tenantId"
          label="Tenant ID"
          hint="The Directory (tenant) ID on the app’s Overview page."
          error={errors.tenantId}
          defaultValue={value("tenantId")}
          mono
          width="guid"
          autoComplete="off"
          spellCheck={false}
        />
        <TextField
          name="clientId"
          label="Client ID"
          hint="The Application (client) ID, on the same page."
          error={errors.clientId}
          defaultValue={value("clientId")}
          mono
          width="guid"
          autoComplete="off"
          spellCheck={false}
        />
        {props.check ? (
          <div className="mb-8">
            <CredentialsCheck
              read={read}
              check={props.check}
              onInvalid={() => undefined}
              onValid={() => undefined}
              hint="Signs in to Microsoft with the IDs above and your certificate, without sending the form."
              invalidMessage="Correct the Tenant ID and Client ID first."
            />
          </div>
        ) : null}
        <TextField
          name="testMailbox"
          label="Test mailbox"
          hint="The email address of a licensed user in your Microsoft 365, such as an agent. The checks read its calendar and contacts, and add then remove one test event and one test contact."
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
        <TextField
          name="submitterPhone"
          label="Phone number (optional)"
          error={errors.submitterPhone}
          defaultValue={value("submitterPhone")}
          type="tel"
          autoComplete="tel"
          width="medium"
        />
        <SubmitButton>Send and check</SubmitButton>
      </form>
    </>
  );
}

/** "Create the certificate" (or "Make a new certificate"): the page shows the new one when it is made. */
export function IssueCertificateButton<R>({
  issue,
  label,
  variant,
}: {
  issue: (state: ActionState<R>, form: FormData) => Promise<ActionState<R>>;
  label: string;
  variant?: "primary" | "secondary";
}) {
  const [state, formAction] = useActionState(issue, IDLE as ActionState<R>);
  return (
    <form action={formAction} className="mb-6">
      {state.status === "error" && state.message ? (
        <p role="alert" className="mb-2 font-bold text-error">
          {state.message}
        </p>
      ) : null}
      <SubmitButton variant={variant}>{label}</SubmitButton>
    </form>
  );
}
