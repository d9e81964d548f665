"use client";

import { useActionState, useState } from "react";
import { importBrokeragesAction } from "@/app/(staff)/staff/onboarding/actions";
import { SubmitButton } from "@/components/staff/form/button";
import { Checkbox } from "@/components/staff/form/checkbox";
import { ErrorSummary } from "@/components/staff/form/error-summary";
import { Radios } from "@/components/staff/form/radios";
import { IDLE } from "@/lib/actions/state";
import { DEFAULT_INVITE_DAYS, INVITE_DAY_CHOICES } from "@/lib/onboarding/invite-days";
import { ImportReport } from "./import-report";

const MAX_BYTES = 512 * 1024;

/** Upload a CSV; the report replaces the form. Too large a file is caught here, before it is sent. */
export function ImportForm() {
  const [state, action] = useActionState(importBrokeragesAction, IDLE);
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
        <div className={`mb-6 ${fileError ? "border-l-4 border-[#d4351c] pl-4" : ""}`}>
          <label htmlFor="file" className="mb-1 block font-bold">
            Upload a CSV file
          </label>
          <p id="file-hint" className="mb-2 text-muted">
            Up to 1,000 rows and {MAX_BYTES / 1024} KB
          </p>
          {fileError ? (
            <p id="file-error" className="mb-2 font-bold text-[#d4351c]">
              <span className="sr-only">Error:</span> {fileError}
            </p>
          ) : null}
          <input
            id="file"
            name="file"
            type="file"
            accept=".csv,text/csv"
            aria-describedby={fileError ? "file-hint file-error" : "file-hint"}
            aria-invalid={fileError ? true : undefined}
            className={`block w-full max-w-md border-2 ${fileError ? "border-[#d4351c]" : "border-ink"} p-1 text-lg`}
          />
        </div>
        <Radios
          name="days"
          legend="Each link works for"
          inline
          error={errors?.days}
          defaultValue={state.values?.days ?? String(DEFAULT_INVITE_DAYS)}
          options={INVITE_DAY_CHOICES.map((d) => ({ value: String(d), label: `${d} days` }))}
        />
        <Checkbox
          name="sendEmail"
          label="Email each recipient their link"
          hint="Leave this unticked to get the links in the report and send them yourself"
          defaultChecked={state.status === "idle" ? true : state.values?.sendEmail === "yes"}
        />
        <SubmitButton>Import brokerages</SubmitButton>
      </form>
    </>
  );
}
