"use client";

import type { Ref } from "react";
import type { SubmissionInput } from "@/lib/validation/submission";
import { ACCESS_SCOPE_LABELS } from "@/lib/validation/access-scope";
import { FIELD_IDS } from "@/lib/validation/submission";
import type { Warning } from "@/lib/validation/warnings";
import { Button } from "@/components/form/button";
import { SummaryList, type SummaryRow } from "@/components/form/summary-list";
import { WarningText } from "@/components/form/warning-text";

type Props = {
  headingRef: Ref<HTMLHeadingElement>;
  raw: SubmissionInput;
  warnings: Warning[];
  refused: string | null;
  sending: boolean;
  onSend: () => void;
  onChange: (fieldId: string) => void;
};

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

function longDate({ day, month, year }: SubmissionInput["expiry"]) {
  return `${Number(day)} ${MONTHS[Number(month) - 1] ?? month} ${year.trim()}`;
}

/** The secret shown masked: its first three characters, as the admin center shows them, and its length. */
function maskedSecret(secret: string) {
  const value = secret.trim();
  return `${value.slice(0, 3)}${"•".repeat(8)} (${value.length} characters)`;
}

/** "Full name" reads as "full name" after "Change"; "Tenant ID" keeps its capitals. */
const spokenName = (key: string) => (/^[A-Z][a-z]/.test(key) ? key[0]!.toLowerCase() + key.slice(1) : key);

const normalGuid = (value: string) => value.trim().toLowerCase().replace(/^\{|\}$/g, "");

/** GOV.UK "Check your answers": every answer with a Change link, warnings beside them, then Send. */
export function CheckAnswers({ headingRef, raw, warnings, refused, sending, onSend, onChange }: Props) {
  const warningsFor = (...ids: string[]) =>
    warnings.filter((w) => ids.includes(w.id)).map((w) => <WarningText key={w.message}>{w.message}</WarningText>);
  const change = (id: string, what: string) => (
    <a
      href={`#${id}`}
      className="text-brand-700 underline"
      onClick={(event) => {
        event.preventDefault();
        onChange(id);
      }}
    >
      Change<span className="sr-only"> {what}</span>
    </a>
  );
  const row = (key: string, value: React.ReactNode, id: string, ...warningIds: string[]): SummaryRow => ({
    key,
    value: (
      <>
        {value}
        {warningsFor(id, ...warningIds)}
      </>
    ),
    action: change(id, spokenName(key)),
  });

  return (
    <div>
      {refused ? (
        <div role="alert" className="mb-8 border-l-4 border-error pl-4 text-lg font-bold">
          {refused}
        </div>
      ) : null}
      <h1 ref={headingRef} tabIndex={-1} className="mb-6 text-3xl font-bold focus:outline-none sm:text-4xl">
        Check your answers before sending
      </h1>

      <h2 className="mb-2 text-2xl font-bold">Your app registration</h2>
      <SummaryList
        rows={[
          row("Tenant ID", <code className="break-all font-mono">{normalGuid(raw.tenantId)}</code>, FIELD_IDS.tenantId),
          row("Client ID", <code className="break-all font-mono">{normalGuid(raw.clientId)}</code>, FIELD_IDS.clientId),
          row("Client secret value", <code className="font-mono">{maskedSecret(raw.clientSecret)}</code>, FIELD_IDS.clientSecret),
          row("Secret expires", longDate(raw.expiry), FIELD_IDS["expiry.day"]),
        ]}
      />

      <h2 className="mb-2 text-2xl font-bold">The test mailbox</h2>
      <SummaryList
        rows={[
          row("Test mailbox", raw.testMailbox.trim().toLowerCase(), FIELD_IDS.testMailbox),
          row("Test message", raw.sendTestMessage ? "Send one to itself" : "Do not send", FIELD_IDS.sendTestMessage),
          row("Access scope", ACCESS_SCOPE_LABELS[raw.accessScope ?? "organization"], FIELD_IDS.accessScope),
          ...(raw.accessScope === "exchange-rbac"
            ? [row("Mailbox outside the group", raw.outsideMailbox?.trim().toLowerCase() || "None given", FIELD_IDS.outsideMailbox)]
            : []),
        ]}
      />

      <h2 className="mb-2 text-2xl font-bold">About you</h2>
      <SummaryList
        rows={[
          row("Full name", raw.submitterName.trim(), FIELD_IDS.submitterName),
          row("Email address", raw.submitterEmail.trim().toLowerCase(), FIELD_IDS.submitterEmail),
          row("Phone number", raw.submitterPhone.trim() || "Not given", FIELD_IDS.submitterPhone),
        ]}
      />

      <h2 className="mb-2 text-2xl font-bold">Now send your details</h2>
      <p className="mb-6 max-w-2xl text-lg">
        We check them with Microsoft straight away and show you each result as it comes in. It usually takes under a
        minute.
      </p>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          onSend();
        }}
      >
        <Button disabled={sending}>{sending ? "Sending…" : "Send and check my details"}</Button>
      </form>
    </div>
  );
}
