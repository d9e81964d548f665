import type { TextareaHTMLAttributes } from "react";
import { fieldId } from "./field-id";
import { describedBy, Question } from "./form-group";

/** Label, hint and inline error above a multi-line input, tied together with aria-describedby. */
export function TextArea({
  name,
  id = fieldId(name),
  label,
  hint,
  error,
  rows = 4,
  ...textarea
}: { name: string; id?: string; label: string; hint?: string; error?: string } & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, "id" | "name">) {
  return (
    <Question id={id} label={label} hint={hint} error={error}>
      <textarea
        id={id}
        name={name}
        rows={rows}
        aria-describedby={describedBy(id, hint, error)}
        aria-invalid={error ? true : undefined}
        className={`w-full max-w-2xl border-2 ${error ? "border-error" : "border-ink"} bg-white px-2 py-1.5 text-lg`}
        {...textarea}
      />
    </Question>
  );
}
