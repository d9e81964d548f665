import { fieldId } from "./field-id";

/** A labelled select; `id` may be given when several on one page share a name. */
export function SelectField({ name, label, hint, error, options, defaultValue, id: givenId, labelHidden }: { name: string; label: string; hint?: string; error?: string; options: Array<{ value: string; label: string }>; defaultValue?: string; id?: string; labelHidden?: boolean }) {
  const id = givenId ?? fieldId(name);
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className={labelHidden ? "" : `mb-6 ${error ? "border-l-4 border-[#d4351c] pl-4" : ""}`}>
      <label htmlFor={id} className={labelHidden ? "sr-only" : "mb-1 block font-bold"}>
        {label}
      </label>
      {hint ? (
        <p id={`${id}-hint`} className="mb-2 text-muted">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="mb-2 font-bold text-[#d4351c]">
          <span className="sr-only">Error:</span> {error}
        </p>
      ) : null}
      <select
        id={id}
        name={name}
        defaultValue={defaultValue}
        aria-describedby={describedBy}
        aria-invalid={error ? true : undefined}
        className={`max-w-full border-2 ${error ? "border-[#d4351c]" : "border-ink"} bg-white px-2 py-1.5 text-lg`}
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
