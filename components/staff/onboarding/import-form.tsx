"use client";

import { useActionState, useState } from "react";
import type { FormAction } from "@/components/form/form-action";
import { describedBy, Question } from "@/components/form/form-group";
import { SubmitButton } from "@/components/form/submit-button";
import { ErrorSummary } from "@/components/form/error-summary";
import { IDLE } from "@/lib/actions/state";
import { ImportReport, type Report } from "./import-report";
import { InviteOptions } from "./invite-options";

const MAX_BYTES = 512 * 1024;

/** Upload a CSV; the report replaces the form. Too large a file is caught here, before it is sent. */
export function ImportForm({ importBrokerages, mailServer }: { importBrokerages: FormAction<Report>; mailServer: boolean }) {
  const [state, action] = useActionState(importBrokerages, IDLE);
  const [tooLarge, setTooLarge] = useState(false);
  const errors = tooLarge ? { file: `The selected file must be smaller than ${MAX_BYTES / 1024} KB` } : state.errors;
  const fileError = errors?.file;

  if (state.status === "ok" && state.result && !tooLarge) return <ImportReport report={state.result} />;

  return (
    <>
      <ErrorSummary errors={errors} message={tooLarge ? undefined : state.message} />
      <form
        action={action}
        noValidate
        onSubmit={(event) => {
          const file = (event.currentTarget.elements.namedItem("file") as HTMLInputElement | null)?.files?.[0];
          const big = Boolean(file && file.size > MAX_BYTES);
          setTooLarge(big);
          if (big) event.preventDefault();
        }}
      >
        <Question id="file" label="Upload a CSV file" hint={`Up to 1,000 rows and ${MAX_BYTES / 1024} KB`} error={fileError}>
          <input
            id="file"
            name="file"
            type="file"
            accept=".csv,text/csv"
            aria-describedby={describedBy("file", true, fileError)}
            aria-invalid={fileError ? true : undefined}
            className={`block w-full max-w-md border-2 ${fileError ? "border-error" : "border-ink"} bg-white p-1 text-lg`}
          />
        </Question>
        <InviteOptions
          state={state}
          errors={errors}
          daysLegend="Each link works for"
          email={{ label: "Email each recipient their link", hint: "Leave this unticked to get the links in the report and send them yourself" }}
          mailServer={mailServer}
        />
        <SubmitButton>Import brokerages</SubmitButton>
      </form>
    </>
  );
}
