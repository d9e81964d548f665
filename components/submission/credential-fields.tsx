"use client";

import { useState } from "react";
import type { UseFormReturn } from "react-hook-form";
import type { ActionState } from "@/lib/actions/state";
import type { CredentialsCheck as CheckAnswer, PrefillValues, TenantLookup } from "@/lib/submissions/form-state";
import { FIELD_IDS, type FieldError, type FieldName, type Submission, type SubmissionInput } from "@/lib/validation/submission";
import { Checkbox } from "@/components/form/checkbox";
import { DateInput } from "@/components/form/date-input";
import { TextField } from "@/components/form/text-field";
import { AccessScopeFields } from "./access-scope-fields";
import { CredentialsCheck } from "./credentials-check";
import { errorFor } from "./form-errors";
import { SecretField } from "./secret-field";
import { TenantSuggestion } from "./tenant-suggestion";

type Props = {
  form: UseFormReturn<SubmissionInput, unknown, Submission>;
  /** Also rendered as HTML default values, so the form is filled in before scripts run. */
  defaults: PrefillValues;
  /** Errors from the server's render, shown until the browser's own take over. */
  serverErrors: FieldError[] | null;
  checkCredentials: (input: { tenantId: string; clientId: string; clientSecret: string }) => Promise<ActionState<CheckAnswer>>;
  lookupTenant: (mailbox: string) => Promise<ActionState<TenantLookup>>;
  supportEmail: string;
};

/** A GUID as the admin center shows it: monospace, never corrected or completed by the browser. */
const GUID_INPUT = { mono: true, width: "guid", spellCheck: false, autoComplete: "off", autoCapitalize: "off" } as const;

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <section className="mb-4">
      <h2 className="mb-4 text-2xl font-bold">{title}</h2>
      {children}
    </section>
  );
}

/** The questions, grouped as the administrator finds the answers in the admin center. */
export function CredentialFields({ form, defaults, serverErrors, checkCredentials, lookupTenant, supportEmail }: Props) {
  const { register, formState, getValues, setValue, setError, clearErrors, watch } = form;
  const error = (name: FieldName) =>
    serverErrors ? serverErrors.find((e) => e.field === name)?.message : errorFor(formState.errors, name);
  const [lookup, setLookup] = useState<TenantLookup>({ status: "none" });
  const [lookedUp, setLookedUp] = useState("");
  const [announcement, setAnnouncement] = useState("");
  const tenantId = watch("tenantId");
  const clientId = watch("clientId");

  const mailbox = register("testMailbox");
  const lookUpTenant = async (value: string) => {
    const address = value.trim().toLowerCase();
    if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(address) || address.split("@")[1] === lookedUp) return;
    setLookedUp(address.split("@")[1]!);
    const answer = await lookupTenant(address);
    // Quiet when unsure: a refusal or an unusable address suggests nothing.
    setLookup(answer.status === "ok" && answer.result ? answer.result : { status: "none" });
  };

  const expiryError = error("expiry.day") ?? error("expiry.month") ?? error("expiry.year");
  // A problem with the whole date (missing, not real, not in the future) marks all three boxes.
  const wholeDate = Boolean(error("expiry.day")) && !/ a day$/.test(error("expiry.day")!);
  const expiryPart = (part: "day" | "month" | "year", label: string) => ({
    id: FIELD_IDS[`expiry.${part}`],
    label,
    error: wholeDate || Boolean(error(`expiry.${part}`)),
    input: { ...register(`expiry.${part}`), defaultValue: defaults.expiry[part] },
  });
  return (
    <>
      <Section title="Your app registration">
        <TextField
          id={FIELD_IDS.tenantId}
          label="Tenant ID"
          hint="The Directory (tenant) ID on the app's Overview page."
          error={error("tenantId")}
          {...GUID_INPUT}
          defaultValue={defaults.tenantId}
          {...register("tenantId")}
        />
        <TextField
          id={FIELD_IDS.clientId}
          label="Client ID"
          hint="The Application (client) ID, on the same page."
          error={error("clientId")}
          {...GUID_INPUT}
          defaultValue={defaults.clientId}
          {...register("clientId")}
        />
        <SecretField error={error("clientSecret")} input={register("clientSecret")}>
          <CredentialsCheck
            read={() => {
              const v = getValues();
              return { tenantId: v.tenantId, clientId: v.clientId, clientSecret: v.clientSecret };
            }}
            check={checkCredentials}
            onInvalid={(errors) => errors.forEach((e) => setError(e.field, { message: e.message }))}
            onValid={() => clearErrors(["tenantId", "clientId", "clientSecret"])}
          />
        </SecretField>
        <DateInput
          id="secret-expiry"
          legend="Date the secret expires"
          hint="The Expires column beside the secret. For example, 26 11 2027."
          error={expiryError}
          parts={[expiryPart("day", "Day"), expiryPart("month", "Month"), expiryPart("year", "Year")]}
        />
      </Section>

      <Section title="The test mailbox">
        <TextField
          id={FIELD_IDS.testMailbox}
          label="Test mailbox"
          hint="The email address of a licensed user in your Microsoft 365, such as an agent. The checks read its calendar and contacts, and add then remove one test event and one test contact."
          error={error("testMailbox")}
          type="email"
          spellCheck={false}
          autoComplete="off"
          autoCapitalize="off"
          defaultValue={defaults.testMailbox}
          {...mailbox}
          onBlur={(event) => {
            void mailbox.onBlur(event);
            void lookUpTenant(event.target.value);
          }}
          after={
            <TenantSuggestion
              lookup={lookup}
              tenantId={tenantId ?? ""}
              clientId={clientId ?? ""}
              supportEmail={supportEmail}
              onSwap={() => {
                const { tenantId: t, clientId: c } = getValues();
                setValue("tenantId", c, { shouldDirty: true });
                setValue("clientId", t, { shouldDirty: true });
                setAnnouncement("Tenant ID and Client ID swapped");
              }}
              onUse={(id) => {
                setValue("tenantId", id, { shouldDirty: true });
                setAnnouncement(`Tenant ID set to ${id}`);
              }}
            />
          }
        />
        <p className="sr-only" aria-live="polite">
          {announcement}
        </p>
        <Checkbox
          id={FIELD_IDS.sendTestMessage}
          label="Send a test message from the test mailbox to itself"
          hint="Proves the app can send mail as your agents. One short message, in that mailbox's Sent Items and Inbox."
          defaultChecked={defaults.sendTestMessage}
          {...register("sendTestMessage")}
        />
      </Section>

      <Section title="Access scope">
        <AccessScopeFields form={form} defaults={defaults} error={error} />
      </Section>

      <Section title="About you">
        <TextField
          id={FIELD_IDS.submitterName}
          label="Full name"
          error={error("submitterName")}
          autoComplete="name"
          spellCheck={false}
          defaultValue={defaults.submitterName}
          {...register("submitterName")}
        />
        <TextField
          id={FIELD_IDS.submitterEmail}
          label="Email address"
          hint="Your customer success manager writes to you here about this setup."
          error={error("submitterEmail")}
          type="email"
          autoComplete="email"
          spellCheck={false}
          defaultValue={defaults.submitterEmail}
          {...register("submitterEmail")}
        />
        <TextField
          id={FIELD_IDS.submitterPhone}
          label="Phone number (optional)"
          error={error("submitterPhone")}
          type="tel"
          autoComplete="tel"
          width="medium"
          defaultValue={defaults.submitterPhone}
          {...register("submitterPhone")}
        />
      </Section>
    </>
  );
}
