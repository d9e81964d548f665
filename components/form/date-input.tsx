import type { InputHTMLAttributes, ReactNode, Ref } from "react";
import { ErrorMessage, Hint } from "./form-group";

type Part = { id: string; label: string; error: boolean; input: InputHTMLAttributes<HTMLInputElement> & { ref?: Ref<HTMLInputElement> } };

/**
 * GOV.UK date input: day, month and year boxes in a fieldset, numeric keyboards on
 * phones, the box with the problem marked.
 */
export function DateInput({ id, legend, hint, error, parts, after }: { id: string; legend: ReactNode; hint?: ReactNode; error?: string; parts: Part[]; after?: ReactNode }) {
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div data-form-group className={`mb-8 ${error ? "border-l-4 border-error pl-4" : ""}`}>
      <fieldset role="group" aria-describedby={describedBy}>
        <legend className="mb-1 text-lg font-bold">{legend}</legend>
        {hint ? <Hint id={id}>{hint}</Hint> : null}
        {error ? <ErrorMessage id={id}>{error}</ErrorMessage> : null}
        <div className="flex flex-wrap gap-4">
          {parts.map((part) => (
            <div key={part.id}>
              <label htmlFor={part.id} className="mb-1 block">
                {part.label}
              </label>
              <input
                id={part.id}
                inputMode="numeric"
                aria-invalid={part.error ? true : undefined}
                className={`${part.label === "Year" ? "w-24" : "w-14"} border-2 ${part.error ? "border-error" : "border-ink"} bg-white px-2 py-1.5 text-lg`}
                {...part.input}
              />
            </div>
          ))}
        </div>
      </fieldset>
      {after}
    </div>
  );
}
