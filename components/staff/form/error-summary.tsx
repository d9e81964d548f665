"use client";

import { ErrorSummary as FormErrorSummary } from "@/components/form/error-summary";
import { fieldId } from "./field-id";

/**
 * Staff forms report errors by field name (server action state); this maps them to the
 * shared GOV.UK error summary, which links each to its field and prefixes the title.
 */
export function ErrorSummary({ errors, message }: { errors?: Record<string, string>; message?: string }) {
  const entries = Object.entries(errors ?? {}).map(([name, text]) => ({ id: fieldId(name), message: text }));
  return <FormErrorSummary errors={entries} message={message} focusKey={errors ?? message} prefixTitle />;
}
