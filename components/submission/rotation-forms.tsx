"use client";

import { useActionState } from "react";
import { IDLE, type ActionState } from "@/lib/actions/state";
import { FIELD_IDS } from "@/lib/validation/submission";
import { DateInput } from "@/components/form/date-input";
import { ErrorSummary } from "@/components/form/error-summary";
import { SubmitButton } from "@/components/form/submit-button";
import { SecretField } from "./secret-field";

type Send<R> = (state: ActionState<R>, form: FormData) => Promise<ActionState<R>>;
type Envelope = { idempotencyKey: string; basedOn: number };

function EnvelopeFields({ idempotencyKey, basedOn }: Envelope) {
  return (
    <>
      <input type="hidden" name="idempotencyKey" value={idempotencyKey} />
      <input type="hidden" name="basedOn" value={basedOn} />
    </>
  );
}

/** "I uploaded it": the certificate the portal prepared is checked; nothing to type. */
export function RotationCertificateForm<R>({ send, ...envelope }: Envelope & { send: Send<R> }) {
  const [state, formAction] = useActionState(send, IDLE as ActionState<R>);
  return (
    <>
      <ErrorSummary message={state.status === "error" ? state.message : undefined} focusKey={state.at} />
      <form noValidate action={formAction} key={state.at ?? 0}>
        <EnvelopeFields {...envelope} />
        <SubmitButton>I uploaded it: check the new certificate</SubmitButton>
      </form>
    </>
  );
}

/**
 * The new client secret's value and expiry. The value is never sent back to the page:
 * after a problem it is asked for again.
 */
export function RotationSecretForm<R>({ send, ...envelope }: Envelope & { send: Send<R> }) {
  const [state, formAction] = useActionState(send, IDLE as ActionState<R>);
  const errors = state.status === "invalid" ? (state.errors ?? {}) : {};
  const values = (state.status === "invalid" ? state.values : undefined) as Record<string, string> | undefined;
  // Keyed by element id, so each link in the summary lands on its box.
  const summary = Object.entries(errors).map(([name, message]) => ({ id: FIELD_IDS[name as keyof typeof FIELD_IDS] ?? name, message }));
  const dateError = errors["expiry.day"] ?? errors["expiry.month"] ?? errors["expiry.year"];
  const part = (name: "day" | "month" | "year", label: string) => ({
    id: FIELD_IDS[`expiry.${name}`],
    label,
    error: Boolean(errors[`expiry.${name}`]),
    input: { name: `expiry.${name}`, defaultValue: values?.[`expiry.${name}`] ?? "" },
  });
  return (
    <>
      <ErrorSummary errors={summary} message={state.status === "error" ? state.message : undefined} focusKey={state.at} />
      <form noValidate action={formAction} key={state.at ?? 0}>
        <EnvelopeFields {...envelope} />
        <SecretField error={errors.clientSecret} input={{ name: "clientSecret", autoComplete: "off", spellCheck: false }} />
        <DateInput
          id="secret-expiry"
          legend="Date the new secret expires"
          hint="The Expires column beside the new secret. For example, 26 11 2027."
          error={dateError}
          parts={[part("day", "Day"), part("month", "Month"), part("year", "Year")]}
        />
        <SubmitButton>Check the new secret</SubmitButton>
      </form>
    </>
  );
}
