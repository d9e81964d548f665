"use client";

import { useActionState } from "react";
import { SubmitButton } from "@/components/form/submit-button";
import { ErrorSummary } from "@/components/form/error-summary";
import { SelectField } from "@/components/form/select-field";
import { TextField } from "@/components/form/text-field";
import { IDLE, type ActionState } from "@/lib/actions/state";

type Values = { brokerageId?: string; name?: string; emailDomain?: string; csmId?: string };

/** Add or edit a brokerage: name, email domain and assigned CSM. */
export function BrokerageForm<R>({
  action,
  csms,
  initial = {},
  submitLabel,
}: {
  action: (state: ActionState<R>, formData: FormData) => Promise<ActionState<R>>;
  csms: Array<{ id: string; name: string }>;
  initial?: Values;
  submitLabel: string;
}) {
  const [state, formAction] = useActionState(action, IDLE as ActionState<R>);
  const values: Values = { ...initial, ...state.values };
  return (
    <>
      <ErrorSummary errors={state.errors} message={state.message} />
      <form action={formAction} noValidate>
        {initial.brokerageId ? <input type="hidden" name="brokerageId" value={initial.brokerageId} /> : null}
        <TextField name="name" label="Brokerage name" error={state.errors?.name} defaultValue={values.name} autoComplete="organization" />
        <TextField
          name="emailDomain"
          label="Email domain"
          hint="The part after the @ in the brokerage's email addresses, like harborrealty.com"
          error={state.errors?.emailDomain}
          defaultValue={values.emailDomain}
          spellCheck={false}
        />
        <SelectField
          name="csmId"
          label="Assigned customer-success manager (optional)"
          hint="They review the brokerage's submission and are told when its checks finish"
          error={state.errors?.csmId}
          defaultValue={values.csmId ?? "none"}
          options={[{ value: "none", label: "Not assigned yet" }, ...csms.map((c) => ({ value: c.id, label: c.name }))]}
        />
        <SubmitButton>{submitLabel}</SubmitButton>
      </form>
    </>
  );
}
