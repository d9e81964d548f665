import { describedBy, ErrorMessage, Hint } from "@/components/form/form-group";
import { fieldId } from "./field-id";

type Props = {
  name: string;
  label: string;
  hint?: string;
  error?: string;
  defaultValue?: string;
  type?: "text" | "email" | "password" | "search";
  autoComplete?: string;
  spellCheck?: boolean;
  width?: "full" | "medium" | "short";
  monospace?: boolean;
  labelSize?: "s" | "l";
};

const widths = { full: "w-full", medium: "w-full max-w-md", short: "w-full max-w-xs" };

/** Label, hint and inline error above one input, tied together with aria-describedby. */
export function TextField({ name, label, hint, error, defaultValue, type = "text", autoComplete, spellCheck, width = "medium", monospace, labelSize = "s" }: Props) {
  const id = fieldId(name);
  return (
    <div className={`mb-6 ${error ? "border-l-4 border-error pl-4" : ""}`}>
      <label htmlFor={id} className={`block font-bold ${labelSize === "l" ? "mb-2 text-2xl" : "mb-1"}`}>
        {label}
      </label>
      {hint ? <Hint id={id}>{hint}</Hint> : null}
      {error ? <ErrorMessage id={id}>{error}</ErrorMessage> : null}
      <input
        id={id}
        name={name}
        type={type}
        defaultValue={defaultValue}
        autoComplete={autoComplete}
        spellCheck={spellCheck}
        aria-describedby={describedBy(id, hint, error)}
        aria-invalid={error ? true : undefined}
        className={`${widths[width]} border-2 ${error ? "border-error" : "border-ink"} px-2 py-1.5 text-lg ${monospace ? "font-mono" : ""}`}
      />
    </div>
  );
}
