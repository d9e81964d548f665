import { fieldId } from "./field-id";

export function Checkbox({ name, value = "yes", label, hint, defaultChecked }: { name: string; value?: string; label: string; hint?: string; defaultChecked?: boolean }) {
  const id = fieldId(name);
  return (
    <div className="mb-6 flex items-start gap-2">
      <input id={id} type="checkbox" name={name} value={value} defaultChecked={defaultChecked} aria-describedby={hint ? `${id}-hint` : undefined} className="mt-1 h-6 w-6 shrink-0 accent-ink" />
      <label htmlFor={id} className="text-lg">
        {label}
        {hint ? (
          <span id={`${id}-hint`} className="block text-base text-muted">
            {hint}
          </span>
        ) : null}
      </label>
    </div>
  );
}
