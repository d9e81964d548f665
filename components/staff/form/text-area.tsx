import { describedBy, ErrorMessage, Hint } from "@/components/form/form-group";
import { fieldId } from "./field-id";

/** Label, hint and inline error above a multi-line input, tied together with aria-describedby. */
export function TextArea({ name, label, hint, error, defaultValue, rows = 4 }: { name: string; label: string; hint?: string; error?: string; defaultValue?: string; rows?: number }) {
  const id = fieldId(name);
  return (
    <div className={`mb-6 ${error ? "border-l-4 border-error pl-4" : ""}`}>
      <label htmlFor={id} className="mb-1 block font-bold">
        {label}
      </label>
      {hint ? <Hint id={id}>{hint}</Hint> : null}
      {error ? <ErrorMessage id={id}>{error}</ErrorMessage> : null}
      <textarea
        id={id}
        name={name}
        rows={rows}
        defaultValue={defaultValue}
        aria-describedby={describedBy(id, hint, error)}
        aria-invalid={error ? true : undefined}
        className={`w-full max-w-2xl border-2 ${error ? "border-error" : "border-ink"} px-2 py-1.5 text-lg`}
      />
    </div>
  );
}
