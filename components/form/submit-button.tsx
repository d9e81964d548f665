"use client";

import type { ReactNode } from "react";
import { useFormStatus } from "react-dom";
import { Button, type ButtonVariant } from "./button";

/** A submit button that is disabled while its form is being sent, so a double click does nothing twice. */
export function SubmitButton({ children, variant, small, name, value }: { children: ReactNode; variant?: ButtonVariant; small?: boolean; name?: string; value?: string }) {
  const { pending } = useFormStatus();
  return (
    <Button variant={variant} small={small} name={name} value={value} disabled={pending}>
      {children}
    </Button>
  );
}
