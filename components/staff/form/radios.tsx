import { fieldId } from "./field-id";

type Option = { value: string; label: string; hint?: string };

/** A fieldset of radios; the first option's id is the field id, so the error summary link lands on it. */
export function Radios({ name, legend, hint, error, options, defaultValue, inline }: { name: string; legend: string; hint?: string; error?: string; options: Option[]; defaultValue?: string; inline?: boolean }) {
  const id = fieldId(name);
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className={`mb-6 ${error ? "border-l-4 border-[#d4351c] pl-4" : ""}`}>
      <fieldset aria-describedby={describedBy}>
        <legend className="mb-1 font-bold">{legend}</legend>
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
        <div className={inline ? "flex flex-wrap gap-x-6 gap-y-2" : "space-y-2"}>
          {options.map((option, index) => {
            const optionId = index === 0 ? id : `${id}-${option.value}`;
            return (
              <div key={option.value} className="flex items-start gap-2">
                <input
                  id={optionId}
                  type="radio"
                  name={name}
                  value={option.value}
                  defaultChecked={defaultValue === option.value}
                  aria-describedby={option.hint ? `${optionId}-hint` : undefined}
                  className="mt-1 h-6 w-6 accent-ink"
                />
                <label htmlFor={optionId} className="text-lg">
                  {option.label}
                  {option.hint ? (
                    <span id={`${optionId}-hint`} className="block text-base text-muted">
                      {option.hint}
                    </span>
                  ) : null}
                </label>
              </div>
            );
          })}
        </div>
      </fieldset>
    </div>
  );
}
