import type { SelectOption } from "./select-field";

/** A labelled select in a filter bar (a plain GET form): compact, no error or hint. */
export function FilterSelect({ id, name, label, value, options, wide = false }: { id: string; name: string; label: string; value: string; options: SelectOption[]; wide?: boolean }) {
  return (
    <div>
      <label htmlFor={id} className="mb-1 block font-bold">
        {label}
      </label>
      <select id={id} name={name} defaultValue={value} className={`${wide ? "w-full" : ""} h-11 border-2 border-ink bg-white px-2 py-1.5 text-lg`}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}
