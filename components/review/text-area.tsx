import { fieldId } from "@/components/staff/form/field-id";

/** Label, hint and inline error above a multi-line input, tied together with aria-describedby. */
export function TextArea({ name, label, hint, error, defaultValue, rows = 4 }: { name: string; label: string; hint?: string; error?: string; defaultValue?: string; rows?: number }) {
  const id = fieldId(name);
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className={`mb-6 ${error ? "border-l-4 border-[#d4351c] pl-4" : ""}`}>
      <label htmlFor={id} className="mb-1 block font-bold">
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
      <textarea
        id={id}
        name={name}
        rows={rows}
        defaultValue={defaultValue}
        aria-describedby={describedBy}
        aria-invalid={error ? true : undefined}
        className={`w-full max-w-2xl border-2 ${error ? "border-[#d4351c]" : "border-ink"} px-2 py-1.5 text-lg`}
      />
    </div>
  );
}
