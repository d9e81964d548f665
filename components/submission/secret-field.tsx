"use client";

import { useState, type InputHTMLAttributes, type Ref } from "react";
import { SECRET_ID_MESSAGE, SECRET_VALUE_GUIDE } from "@/lib/validation/submission";
import { describedBy, ErrorMessage, FormGroup, Hint, Label } from "@/components/form/form-group";

const ID = "client-secret";

/**
 * The client secret value: masked, with a Show toggle, never autocompleted. When
 * the Secret ID was pasted instead, the error links to the guide step that shows
 * where the Value is.
 */
export function SecretField({
  error,
  input,
  children,
}: {
  error?: string;
  input: InputHTMLAttributes<HTMLInputElement> & { ref?: Ref<HTMLInputElement> };
  children?: React.ReactNode;
}) {
  const [shown, setShown] = useState(false);
  const hint = (
    <>
      The <strong>Value</strong> column under Certificates &amp; secrets, not the Secret ID. The admin center shows it only
      once, when the secret is made.
    </>
  );
  return (
    <FormGroup error={error}>
      <Label htmlFor={ID}>Client secret value</Label>
      <Hint id={ID}>{hint}</Hint>
      {error ? <ErrorMessage id={ID}>{error}</ErrorMessage> : null}
      {error === SECRET_ID_MESSAGE ? (
        <p className="mb-2">
          <a className="text-brand-700 underline" href={SECRET_VALUE_GUIDE} target="_blank" rel="noopener">
            See where the Value is (opens in a new tab)
          </a>
        </p>
      ) : null}
      <div className="flex max-w-xl">
        <input
          id={ID}
          type={shown ? "text" : "password"}
          autoComplete="off"
          autoCapitalize="off"
          autoCorrect="off"
          spellCheck={false}
          aria-describedby={describedBy(ID, hint, error)}
          aria-invalid={error ? true : undefined}
          className={`min-w-0 flex-1 border-2 ${error ? "border-error" : "border-ink"} bg-white px-2 py-1.5 font-mono text-lg`}
          {...input}
        />
        <button
          type="button"
          className="border-2 border-l-0 border-ink bg-gray-200 px-3 font-bold hover:bg-gray-300"
          aria-controls={ID}
          aria-pressed={shown}
          onClick={() => setShown((s) => !s)}
        >
          {shown ? "Hide" : "Show"}
          <span className="sr-only"> client secret value</span>
        </button>
      </div>
      {children}
    </FormGroup>
  );
}
