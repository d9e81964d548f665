"use client";

import type { UseFormReturn } from "react-hook-form";
import type { PrefillValues } from "@/lib/submissions/form-state";
import { ACCESS_SCOPE_LABELS, ACCESS_SCOPES, type AccessScope } from "@/lib/validation/access-scope";
import { FIELD_IDS, type Submission, type SubmissionInput } from "@/lib/validation/submission";
import { describedBy, ErrorMessage, FormGroup, Hint, Legend } from "@/components/form/form-group";
import { TextField } from "@/components/form/text-field";

const HINTS: Record<AccessScope, string> = {
  organization: "The app holds the three Graph permissions with admin consent for the whole organisation (steps 3 and 4).",
  "exchange-rbac":
    "Exchange Online RBAC for Applications lets the app into the mailboxes of one group only, and the tenant-wide consent is removed (step 8 of the guide, with a PowerShell script).",
};

/** The access scope question (DESIGN §9) and, for a limited scope, a mailbox that must stay out of reach. */
export function AccessScopeFields({
  form,
  defaults,
  error,
}: {
  form: UseFormReturn<SubmissionInput, unknown, Submission>;
  defaults: PrefillValues;
  error: (name: "accessScope" | "outsideMailbox") => string | undefined;
}) {
  const { register, watch } = form;
  const chosen = watch("accessScope") ?? defaults.accessScope ?? "organization";
  const id = FIELD_IDS.accessScope;
  const scopeError = error("accessScope");
  const hint = "Security-minded brokerages limit the sync to their agents' mailboxes.";
  return (
    <>
      <FormGroup error={scopeError}>
        <fieldset aria-describedby={describedBy(id, hint, scopeError)}>
          <Legend>Which mailboxes may the app reach?</Legend>
          <Hint id={id}>{hint}</Hint>
          {scopeError ? <ErrorMessage id={id}>{scopeError}</ErrorMessage> : null}
          <div className="space-y-2">
            {ACCESS_SCOPES.map((scope, index) => {
              const optionId = index === 0 ? id : `${id}-${scope}`;
              return (
                <div key={scope} className="flex items-start gap-3">
                  <input
                    id={optionId}
                    type="radio"
                    value={scope}
                    defaultChecked={(defaults.accessScope ?? "organization") === scope}
                    aria-describedby={`${optionId}-hint`}
                    className="mt-0.5 size-8 shrink-0 accent-ink"
                    {...register("accessScope")}
                  />
                  <div>
                    <label htmlFor={optionId} className="block pt-1 text-lg">
                      {ACCESS_SCOPE_LABELS[scope]}
                    </label>
                    <div id={`${optionId}-hint`} className="max-w-2xl text-muted">
                      {HINTS[scope]}
                    </div>
                  </div>
                </div>
              );
            })}
          </div>
        </fieldset>
      </FormGroup>
      {chosen === "exchange-rbac" ? (
        <TextField
          id={FIELD_IDS.outsideMailbox}
          label="A mailbox outside the group (optional)"
          hint="A licensed mailbox that is not in the agents' group, such as a front desk's. The checks only try to read its calendar: Exchange must refuse."
          error={error("outsideMailbox")}
          type="email"
          spellCheck={false}
          autoComplete="off"
          autoCapitalize="off"
          defaultValue={defaults.outsideMailbox ?? ""}
          {...register("outsideMailbox")}
        />
      ) : null}
    </>
  );
}
