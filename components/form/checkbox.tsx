import type { InputHTMLAttributes, ReactNode, Ref } from "react";
import { fieldId } from "./field-id";

/** A single GOV.UK checkbox with its own hint; the id defaults to the one derived from `name`. */
export function Checkbox({
  id: givenId,
  label,
  hint,
  ...input
}: { id?: string; label: ReactNode; hint?: ReactNode; ref?: Ref<HTMLInputElement> } & Omit<InputHTMLAttributes<HTMLInputElement>, "id" | "type">) {
  const id = givenId ?? fieldId(input.name ?? "");
  return (
    <div data-form-group className="mb-8 flex gap-3">
      <input
        id={id}
        type="checkbox"
        aria-describedby={hint ? `${id}-hint` : undefined}
        className="mt-0.5 size-8 shrink-0 accent-ink"
        {...input}
      />
      <div>
        <label htmlFor={id} className="block pt-1 text-lg">
          {label}
        </label>
        {hint ? (
          <div id={`${id}-hint`} className="max-w-2xl text-muted">
            {hint}
          </div>
        ) : null}
      </div>
    </div>
  );
}
