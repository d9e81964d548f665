import { fieldId } from "./field-id";
import { describedBy, ErrorMessage, FormGroup, Hint, Legend } from "./form-group";

type Option = { value: string; label: string; hint?: string };

/** A fieldset of radios; the first option's id is the field id, so the error summary link lands on it. */
export function Radios({ name, legend, hint, error, options, defaultValue, inline }: { name: string; legend: string; hint?: string; error?: string; options: Option[]; defaultValue?: string; inline?: boolean }) {
  const id = fieldId(name);
  return (
    <FormGroup error={error}>
      <fieldset aria-describedby={describedBy(id, hint, error)}>
        <Legend>{legend}</Legend>
        {hint ? <Hint id={id}>{hint}</Hint> : null}
        {error ? <ErrorMessage id={id}>{error}</ErrorMessage> : null}
        <div className={inline ? "flex flex-wrap gap-x-6 gap-y-2" : "space-y-2"}>
          {options.map((option, index) => {
            const optionId = index === 0 ? id : `${id}-${option.value}`;
            return (
              <div key={option.value} className="flex items-start gap-3">
                <input
                  id={optionId}
                  type="radio"
                  name={name}
                  value={option.value}
                  defaultChecked={defaultValue === option.value}
                  aria-describedby={option.hint ? `${optionId}-hint` : undefined}
                  className="mt-0.5 size-8 shrink-0 accent-ink"
                />
                <div>
                  <label htmlFor={optionId} className="block pt-1 text-lg">
                    {option.label}
                  </label>
                  {option.hint ? (
                    <div id={`${optionId}-hint`} className="max-w-2xl text-muted">
                      {option.hint}
                    </div>
                  ) : null}
                </div>
              </div>
            );
          })}
        </div>
      </fieldset>
    </FormGroup>
  );
}
