"use client";

import { useEffect, useRef } from "react";
import { fieldId } from "./field-id";

/**
 * GOV.UK error summary: at the top of the page, focused when it appears, one link per
 * problem to its field, worded as the inline message; the page title gains "Error: ".
 */
export function ErrorSummary({ errors, message }: { errors?: Record<string, string>; message?: string }) {
  const ref = useRef<HTMLDivElement>(null);
  const entries = Object.entries(errors ?? {});
  const shown = entries.length > 0 || Boolean(message);

  useEffect(() => {
    if (!shown) return;
    ref.current?.focus();
    if (!document.title.startsWith("Error: ")) document.title = `Error: ${document.title}`;
    return () => {
      document.title = document.title.replace(/^Error: /, "");
    };
  }, [shown, errors, message]);

  if (!shown) return null;
  return (
    <div
      ref={ref}
      tabIndex={-1}
      role="alert"
      aria-labelledby="error-summary-title"
      className="mb-8 border-4 border-[#d4351c] p-4 focus:outline-none focus-visible:outline-[3px] focus-visible:outline-focus"
    >
      <h2 id="error-summary-title" className="mb-3 text-xl font-bold">
        There is a problem
      </h2>
      <ul className="space-y-1">
        {message ? <li className="font-bold text-[#d4351c]">{message}</li> : null}
        {entries.map(([name, text]) => (
          <li key={name}>
            <a href={`#${fieldId(name)}`} className="font-bold text-[#d4351c] underline">
              {text}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
