import { describedBy, ErrorMessage, Hint } from "@/components/form/form-group";
import { fieldId } from "./field-id";

/** A labelled select; `id` may be given when several on one page share a name. */
export function SelectField({ name, label, hint, error, options, defaultValue, id: givenId, labelHidden }: { name: string; label: string; hint?: string; error?: string; options: Array<{ value: string; label: string }>; defaultValue?: string; id?: string; labelHidden?: boolean }) {
  const id = givenId ?? fieldId(name);
  return (
    <div className={labelHidden ? "" : `mb-6 ${error ? "border-l-4 border-error pl-4" : ""}`}>
      <label htmlFor={id} className={labelHidden ? "sr-only" : "mb-1 block font-bold"}>
        {label}
      </label>
      {hint ? <Hint id={id}>{hint}</Hint> : null}
      {error ? <ErrorMessage id={id}>{error}</ErrorMessage> : null}
      <select
        id={id}
        name={name}
        defaultValue={defaultValue}
        aria-describedby={describedBy(id, hint, error)}
        aria-invalid={error ? true : undefined}
        className={`max-w-full border-2 ${error ? "border-error" : "border-ink"} bg-white px-2 py-1.5 text-lg`}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}
