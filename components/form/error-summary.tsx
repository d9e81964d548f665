"use client";

import { useEffect, useRef } from "react";

export type SummaryError = { id: string; message: string };

/**
 * GOV.UK error summary: at the top of the page, focused when it appears, one link per
 * problem to the field that has it, worded exactly as the message beside the field.
 */
export function ErrorSummary({ errors, focusKey }: { errors: SummaryError[]; focusKey?: unknown }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (errors.length) ref.current?.focus();
    // Focus again on every failed submit (a new focusKey), even when the list is unchanged.
  }, [focusKey, errors.length]);
  if (errors.length === 0) return null;
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
