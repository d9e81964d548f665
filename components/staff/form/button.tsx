"use client";

import { useFormStatus } from "react-dom";
import { buttonClass, type ButtonVariant } from "./button-class";

/** A submit button that is disabled while its form is being sent, so a double click does nothing twice. */
export function SubmitButton({ children, variant = "primary", small, name, value }: { children: React.ReactNode; variant?: ButtonVariant; small?: boolean; name?: string; value?: string }) {
  const { pending } = useFormStatus();
  return (
    <button type="submit" name={name} value={value} disabled={pending} className={buttonClass(variant, small)}>
      {children}
    </button>
  );
}
