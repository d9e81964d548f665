import type { FieldErrors } from "react-hook-form";
import { FIELD_IDS, type FieldName, type SubmissionInput } from "@/lib/validation/submission";
import type { SummaryError } from "@/components/form/error-summary";

/** react-hook-form's nested errors as the summary lists them: form order, one per field. */
export function summaryErrors(errors: FieldErrors<SubmissionInput>): SummaryError[] {
  return (Object.keys(FIELD_IDS) as FieldName[]).flatMap((name) => {
    const message = errorFor(errors, name);
    return message ? [{ id: FIELD_IDS[name], message }] : [];
  });
}

export function errorFor(errors: FieldErrors<SubmissionInput>, name: FieldName): string | undefined {
  let node: unknown = errors;
  for (const part of name.split(".")) node = (node as Record<string, unknown> | undefined)?.[part];
  const message = (node as { message?: unknown } | undefined)?.message;
  return typeof message === "string" ? message : undefined;
}
