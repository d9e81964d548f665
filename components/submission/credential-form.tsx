"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { startTransition, useActionState, useEffect, useRef, useState, useSyncExternalStore } from "react";
import { flushSync } from "react-dom";
import { useForm } from "react-hook-form";
import { IDLE, type ActionState } from "@/lib/actions/state";
import type { CredentialsCheck, PrefillValues, SubmitAccepted, TenantLookup } from "@/lib/submissions/form-state";
import { formDataFromSubmissionInput } from "@/lib/validation/form-data";
import { errorList, FIELD_IDS, SubmissionSchema, type Submission, type SubmissionInput } from "@/lib/validation/submission";
import { submissionWarnings, type Warning } from "@/lib/validation/warnings";
import { domainMismatches, mismatchForAdministrator, type DomainFacts } from "@/lib/providers/domain-match";
import { Button } from "@/components/form/button";
import { ErrorSummary } from "@/components/form/error-summary";
import { CheckAnswers } from "./check-answers";
import { CredentialFields } from "./credential-fields";
import { summaryErrors } from "./form-errors";

export type CredentialFormProps = {
  submit: (state: SubmitState, form: FormData) => Promise<SubmitState>;
  checkCredentials: (input: { tenantId: string; clientId: string; clientSecret: string }) => Promise<ActionState<CredentialsCheck>>;
  lookupTenant: (mailbox: string) => Promise<ActionState<TenantLookup>>;
  defaults: PrefillValues;
  idempotencyKey: string;
  basedOn: number;
  /** The administrator chose to replace credentials that work (the server refuses it otherwise). */
  replaceWorking?: boolean;
  supportEmail: string;
  /** The brokerage's email domain and its tenant, to warn when the answers point elsewhere. */
  domainFacts?: DomainFacts;
  /** The page title's suffix, e.g. " – MoxiEngage Microsoft 365 setup". */
  titleSuffix: string;
  /** What comes between the heading and the questions. */
  children?: React.ReactNode;
};

type SubmitState = ActionState<SubmitAccepted, PrefillValues>;

/** Answers on "Check your answers", and the server state they were checked after. */
const subscribeToNothing = () => () => {};

type Reviewed = { raw: SubmissionInput; warnings: Warning[]; after: SubmitState };

/**
 * The credential form in two steps in the browser: the questions, validated on
 * Continue; then "Check your answers" with any warnings, and Send. The server action
 * validates again and never sends the secret back: after a problem it is asked again.
 * Without JavaScript the same form posts straight to the action.
 */
export function CredentialForm(props: CredentialFormProps) {
  const [state, formAction, sending] = useActionState(props.submit, IDLE);
  const form = useForm<SubmissionInput, unknown, Submission>({
    resolver: zodResolver(SubmissionSchema),
    mode: "onSubmit",
    reValidateMode: "onSubmit",
    shouldFocusError: false,
    defaultValues: { ...props.defaults, clientSecret: "" },
  });
  const [reviewedAnswers, setReviewed] = useState<Reviewed | null>(null);
  const [failedChecks, setFailedChecks] = useState(0);
  const headingRef = useRef<HTMLHeadingElement>(null);
  // A newer answer from the server (a problem it found) returns to the questions.
  const reviewed = reviewedAnswers?.after === state ? reviewedAnswers : null;

  // The server found a problem: show its errors on the questions, without the secret.
  useEffect(() => {
    if (state.status !== "invalid") return;
    form.reset({ ...state.values, clientSecret: "" }, { keepDefaultValues: true });
    for (const error of errorList(state.errors ?? {})) form.setError(error.field, { message: error.message });
  }, [state, form]);

  // Before scripts run (or without them) the server's errors are shown as it rendered them.
  const hydrated = useSyncExternalStore(subscribeToNothing, () => true, () => false);
  const serverErrors = !hydrated && state.status === "invalid" ? errorList(state.errors ?? {}) : null;
  const errors = serverErrors ?? summaryErrors(form.formState.errors);
  // The title changes with the step too, so this sets all of it; ErrorSummary's own "Error: " prefix sees it there and adds none.
  useEffect(() => {
    const base = reviewed ? "Check your answers" : "Submit your Microsoft 365 details";
    document.title = `${errors.length ? "Error: " : ""}${base}${props.titleSuffix}`;
  }, [errors.length, reviewed, props.titleSuffix]);

  // Moving between steps puts focus where keyboard and screen reader users expect it.
  const onValid = (values: Submission) => {
    const raw = form.getValues();
    flushSync(() => setReviewed({ raw, warnings: [...submissionWarnings(raw, values), ...domainWarnings(props.domainFacts, values)], after: state }));
    window.scrollTo(0, 0);
    headingRef.current?.focus();
  };
  const changeAnswer = (fieldId: string) => {
    flushSync(() => setReviewed(null));
    document.getElementById(fieldId)?.focus();
  };

  const send = () => {
    if (!reviewed) return;
    const data = formDataFromSubmissionInput(reviewed.raw, {
      idempotencyKey: props.idempotencyKey,
      basedOn: String(props.basedOn),
      ...(props.replaceWorking ? { replaceWorking: "yes" } : {}),
    });
    startTransition(() => formAction(data));
  };

  const refused = state.status === "error" ? (state.message ?? null) : null;

  if (reviewed) {
    return (
      <CheckAnswers
        headingRef={headingRef}
        raw={reviewed.raw}
        warnings={reviewed.warnings}
        refused={refused}
        sending={sending}
        onSend={send}
        onChange={changeAnswer}
      />
    );
  }

  return (
    <>
      <ErrorSummary errors={errors} focusKey={`${failedChecks}:${state.status === "invalid" ? state.at : 0}`} />
      {refused ? (
        <div role="alert" className="mb-8 border-l-4 border-error pl-4 text-lg font-bold">
          {refused}
        </div>
      ) : null}
      <h1 className="mb-4 text-3xl font-bold sm:text-4xl">Submit your Microsoft 365 details</h1>
      {props.children}
      <form
        noValidate
        action={formAction}
        onSubmit={(event) => form.handleSubmit(onValid, () => setFailedChecks((n) => n + 1))(event)}
      >
        <input type="hidden" name="idempotencyKey" value={props.idempotencyKey} />
        <input type="hidden" name="basedOn" value={props.basedOn} />
        {props.replaceWorking ? <input type="hidden" name="replaceWorking" value="yes" /> : null}
        <CredentialFields
          form={form}
          defaults={state.status === "invalid" ? (state.values ?? props.defaults) : props.defaults}
          serverErrors={serverErrors}
          checkCredentials={props.checkCredentials}
          lookupTenant={props.lookupTenant}
          supportEmail={props.supportEmail}
        />
        <Button>Continue</Button>
      </form>
    </>
  );
}

function domainWarnings(facts: DomainFacts | undefined, values: Submission): Warning[] {
  if (!facts) return [];
  return domainMismatches(facts, values).map((m) => ({
    field: m.kind === "mailbox" ? "testMailbox" : "tenantId",
    id: m.kind === "mailbox" ? FIELD_IDS.testMailbox : FIELD_IDS.tenantId,
    message: mismatchForAdministrator(m),
  }));
}
