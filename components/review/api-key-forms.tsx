"use client";

import { useActionState } from "react";
import { CopyLink } from "@/components/staff/copy-link";
import type { FormAction } from "@/components/form/form-action";
import { InlineAction } from "@/components/form/inline-action";
import { ConfirmSubmit } from "@/components/form/confirm-submit";
import { SubmitButton } from "@/components/form/submit-button";
import { ErrorSummary } from "@/components/form/error-summary";
import { Radios } from "@/components/form/radios";
import { TextField } from "@/components/form/text-field";
import { NotificationBanner } from "@/components/form/notification-banner";
import { IDLE } from "@/lib/actions/state";

/** Create a key for the sync service; the key is shown once, with a copy button. */
/** What the page sees of a created key: this once, the key itself. */
export type CreatedApiKey = { name: string; scope: string; key: string };

export function CreateApiKeyForm({ scopes, create }: { scopes: Array<{ value: string; label: string; hint: string }>; create: FormAction<CreatedApiKey> }) {
  const [state, action] = useActionState(create, IDLE);
  return (
    <>
      <ErrorSummary errors={state.errors} message={state.message} />
      {state.status === "ok" && state.result ? (
        <NotificationBanner kind="success" title="API key created">
          <p className="mb-2">
            “{state.result.name}” may use: {state.result.scope}.
          </p>
          <p className="mb-4 font-bold">This is the only time the key is shown. Copy it into the sync service&apos;s configuration now.</p>
          <CopyLink id="new-api-key" url={state.result.key} label="API key" noun="key" />
        </NotificationBanner>
      ) : null}
      <form action={action} noValidate>
        <TextField name="name" label="Name" hint="What uses the key, like Sync service production" error={state.errors?.name} defaultValue={state.status === "ok" ? "" : state.values?.name} autoComplete="off" />
        <Radios name="scope" legend="What the key may read" error={state.errors?.scope} defaultValue={state.status === "ok" ? undefined : state.values?.scope} options={scopes} />
        <SubmitButton>Create API key</SubmitButton>
      </form>
    </>
  );
}

/** Revoke one key: requests with it are refused from the next one on. */
export function RevokeApiKeyButton({ keyId, name, revoke }: { keyId: string; name: string; revoke: FormAction }) {
  const [state, action] = useActionState(revoke, IDLE);
  return (
    <form action={action}>
      <input type="hidden" name="keyId" value={keyId} />
      <ConfirmSubmit label="Revoke" confirm="Yes, revoke" target={`the key ${name}`} question="The sync service's next request with this key is refused. This cannot be undone." />
      {state.status === "error" ? (
        <p role="alert" className="mt-1 font-bold text-error">
          {state.message}
        </p>
      ) : null}
    </form>
  );
}

/** Sends a failed or never-sent event again, with its id and body unchanged. */
export function RedeliverButton({ deliveryId, label, redeliver }: { deliveryId: string; label: string; redeliver: FormAction }) {
  return (
    <InlineAction action={redeliver} fields={{ deliveryId }} done="Sent again: the status above follows.">
      Send again<span className="sr-only"> the event {label}</span>
    </InlineAction>
  );
}

/** A test event to the configured URL, shown in the delivery log below like any other. */
export function SendTestEventForm({ send }: { send: FormAction }) {
  const [state, action] = useActionState(send, IDLE);
  return (
    <form action={action} className="mb-6">
      <SubmitButton variant="secondary">Send a test event</SubmitButton>
      {state.status === "error" ? (
        <p role="alert" className="mt-2 font-bold text-error">
          {state.message}
        </p>
      ) : state.status === "ok" ? (
        <p role="status" className="mt-2">
          Test event recorded: its delivery is at the top of the list below.
        </p>
      ) : null}
    </form>
  );
}
