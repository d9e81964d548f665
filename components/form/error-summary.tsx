"use client";

import { useEffect, useRef } from "react";
import { fieldId } from "./field-id";

export type SummaryError = { id: string; message: string };

const NONE: SummaryError[] = [];

/**
 * GOV.UK error summary: at the top of the page, focused when it appears, one link per
 * problem to the field that has it, worded exactly as the message beside the field, and
 * "Error: " before the page title while it is shown. Errors come as a list of element
 * ids (the credential form) or keyed by field name, as a server action's state has them.
 */
export function ErrorSummary({
  errors = NONE,
  message,
  focusKey,
}: {
  errors?: SummaryError[] | Record<string, string>;
  /** A problem with the whole form rather than one field (e.g. "Sign-in failed"). */
  message?: string;
  /** Focus again when this changes (each failed submit), even when the list is unchanged; by default the errors themselves. */
  focusKey?: unknown;
}) {
  const list = Array.isArray(errors) ? errors : Object.entries(errors).map(([name, text]) => ({ id: fieldId(name), message: text }));
  const ref = useRef<HTMLDivElement>(null);
  const shown = list.length > 0 || Boolean(message);
  const key = focusKey ?? errors;
  useEffect(() => {
    if (shown) ref.current?.focus();
  }, [key, message, shown]);
  useEffect(() => {
    if (!shown) return;
    // Idempotent: a page that words its own title (the credential form) may already have the prefix.
    if (!document.title.startsWith("Error: ")) document.title = `Error: ${document.title}`;
    return () => {
      document.title = document.title.replace(/^Error: /, "");
    };
  }, [shown]);
  if (!shown) return null;
  return (
    <div
      ref={ref}
      tabIndex={-1}
      role="alert"
      aria-labelledby="error-summary-title"
      className="mb-8 border-4 border-error p-4 focus:outline-3 focus:outline-focus"
    >
      <h2 id="error-summary-title" className="mb-3 text-2xl font-bold">
        There is a problem
      </h2>
      <ul className="space-y-2">
        {message ? <li className="font-bold text-error">{message}</li> : null}
        {list.map((error) => (
          <li key={error.id}>
            <a
              href={`#${error.id}`}
              className="font-bold text-error underline"
              onClick={(event) => {
                // Move focus to the field itself, not only scroll to it.
                const field = document.getElementById(error.id);
                if (!field) return;
                event.preventDefault();
                field.focus();
                field.closest("[data-form-group]")?.scrollIntoView({ block: "start" });
              }}
            >
              {error.message}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
