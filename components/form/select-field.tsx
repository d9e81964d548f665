import { fieldId } from "./field-id";
import { describedBy, Label, Question } from "./form-group";

export type SelectOption = { value: string; label: string };

/**
 * A labelled select; `id` may be given when several on one page share a name. With a
 * hidden label it sits inline (in a table row or a filter bar) without the group's spacing.
 */
export function SelectField({ name, label, hint, error, options, defaultValue, id: givenId, labelHidden }: { name: string; label: string; hint?: string; error?: string; options: SelectOption[]; defaultValue?: string; id?: string; labelHidden?: boolean }) {
  const id = givenId ?? fieldId(name);
  const select = (
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
  );
  if (labelHidden) {
    return (
      <div>
        <Label htmlFor={id} hidden>
          {label}
        </Label>
        {select}
      </div>
    );
  }
  return (
    <Question id={id} label={label} hint={hint} error={error}>
      {select}
    </Question>
  );
}
