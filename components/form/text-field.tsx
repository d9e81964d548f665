import type { InputHTMLAttributes, ReactNode, Ref } from "react";
import { fieldId } from "./field-id";
import { describedBy, Question } from "./form-group";

type Props = {
  /** The element id; by default derived from `name` (see field-id.ts) so error links are predictable. */
  id?: string;
  name?: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  /** Extra content under the input, such as a suggestion or a live result. */
  after?: ReactNode;
  mono?: boolean;
  width?: "full" | "guid" | "medium";
  ref?: Ref<HTMLInputElement>;
  extraDescribedBy?: string;
} & Omit<InputHTMLAttributes<HTMLInputElement>, "id" | "name">;

const widths = { full: "w-full max-w-xl", guid: "w-full max-w-[28rem]", medium: "w-full max-w-sm" };

/** A GOV.UK text input: visible label, hint, inline error, aria wiring. */
export function TextField({ id: givenId, name, label, hint, error, after, mono, width = "full", ref, extraDescribedBy, className, ...input }: Props) {
  const id = givenId ?? fieldId(name ?? "");
  return (
    <Question id={id} label={label} hint={hint} error={error} after={after}>
      <input
        id={id}
        name={name}
        ref={ref}
        aria-describedby={describedBy(id, hint, error, extraDescribedBy)}
        aria-invalid={error ? true : undefined}
        // A GUID in monospace fits a phone's width only a little smaller.
        className={`${widths[width]} border-2 ${error ? "border-error" : "border-ink"} bg-white px-2 py-1.5 ${mono ? "font-mono text-sm sm:text-lg" : "text-lg"} ${className ?? ""}`}
        {...input}
      />
    </Question>
  );
}
