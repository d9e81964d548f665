"use client";

import { useEffect, useRef } from "react";

export type SummaryError = { id: string; message: string };

/**
 * GOV.UK error summary: at the top of the page, focused when it appears, one link per
 * problem to the field that has it, worded exactly as the message beside the field.
 */
export function ErrorSummary({
  errors,
  message,
  focusKey,
  prefixTitle = false,
}: {
  errors: SummaryError[];
  /** A problem with the whole form rather than one field (e.g. "Sign-in failed"). */
  message?: string;
  focusKey?: unknown;
  /** Prefix the page title with "Error: " while shown (pages that do not set it themselves). */
  prefixTitle?: boolean;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const shown = errors.length > 0 || Boolean(message);
  useEffect(() => {
    if (shown) ref.current?.focus();
    // Focus again on every failed submit (a new focusKey), even when the list is unchanged.
  }, [focusKey, shown]);
  useEffect(() => {
    if (!shown || !prefixTitle) return;
    if (!document.title.startsWith("Error: ")) document.title = `Error: ${document.title}`;
    return () => {
      document.title = document.title.replace(/^Error: /, "");
    };
  }, [shown, prefixTitle, errors, message]);
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
        {errors.map((error) => (
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
