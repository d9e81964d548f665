"use client";

import { useActionState } from "react";
import { IDLE, type ActionState } from "@/lib/actions/state";
import type { SubmitAccepted } from "@/lib/submissions/form-state";
import type { GoogleSubmissionInput } from "@/lib/validation/submission";
import { Checkbox } from "@/components/form/checkbox";
import { ErrorSummary } from "@/components/form/error-summary";
import { SubmitButton } from "@/components/form/submit-button";
import { TextField } from "@/components/form/text-field";

type State = ActionState<SubmitAccepted, GoogleSubmissionInput>;
type TextName = "googleDomain" | "googleTestUser" | "submitterName" | "submitterEmail" | "submitterPhone";

export type GoogleWorkspaceFormProps = {
  submit: (state: State, form: FormData) => Promise<State>;
  defaults: Partial<Record<TextName, string>> & { sendTestMessage?: boolean };
  idempotencyKey: string;
  basedOn: number;
};

/**
 * Google Workspace's questions (DESIGN §10): the domain and a test user, and who is sending
 * them. No secret: the vendor's service account acts for the test user once a super
 * administrator has authorised its client ID. Posts without JavaScript too.
 */
export function GoogleWorkspaceForm(props: GoogleWorkspaceFormProps) {
  const [state, formAction] = useActionState(props.submit, IDLE);
  const errors = state.status === "invalid" ? (state.errors ?? {}) : {};
  const values = state.status === "invalid" ? state.values : undefined;
  const value = (name: TextName) => (values ? values[name] : (props.defaults[name] ?? ""));
  return (
    <>
      <ErrorSummary errors={errors} message={state.status === "error" ? state.message : undefined} focusKey={state.at} />
      <form noValidate action={formAction} key={state.at ?? 0}>
        <input type="hidden" name="idempotencyKey" value={props.idempotencyKey} />
        <input type="hidden" name="basedOn" value={props.basedOn} />
        <TextField
          name="googleDomain"
          label="Google Workspace domain"
          hint="Your agents’ email domain, like yourbrokerage.com."
          error={errors.googleDomain}
          defaultValue={value("googleDomain")}
          autoComplete="off"
          spellCheck={false}
          width="medium"
        />
        <TextField
          name="googleTestUser"
          label="Test user"
          hint="The email address of one of your agents in that domain, with Gmail, Calendar and Contacts on. The checks read its calendar and contacts, and add then remove one test event and one test contact."
          error={errors.googleTestUser}
          defaultValue={value("googleTestUser")}
          type="email"
          autoComplete="off"
          spellCheck={false}
        />
        <Checkbox
          name="sendTestMessage"
          label="Send a test message from the test user to itself"
          hint="Proves the sync can send mail as your agents. One short message, in that user’s Sent and Inbox."
          defaultChecked={values ? values.sendTestMessage === true : (props.defaults.sendTestMessage ?? true)}
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
