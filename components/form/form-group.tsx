import type { ReactNode } from "react";

/** The pieces every question shares: label or legend, one-line hint, inline error. */

export function describedBy(id: string, hint: ReactNode | undefined, error: string | undefined, extra?: string) {
  return [hint ? `${id}-hint` : null, error ? `${id}-error` : null, extra ?? null].filter(Boolean).join(" ") || undefined;
}

export function FormGroup({ error, children, className = "" }: { error?: string; children: ReactNode; className?: string }) {
  return (
    <div data-form-group className={`mb-8 ${error ? "border-l-4 border-error pl-4" : ""} ${className}`}>
      {children}
    </div>
  );
}

export function Label({ htmlFor, children, hidden = false }: { htmlFor: string; children: ReactNode; hidden?: boolean }) {
  return (
    <label htmlFor={htmlFor} className={hidden ? "sr-only" : "mb-1 block text-lg font-bold"}>
      {children}
    </label>
  );
}

export function Legend({ children }: { children: ReactNode }) {
  return <legend className="mb-1 text-lg font-bold">{children}</legend>;
}

export function Hint({ id, children }: { id: string; children: ReactNode }) {
  return (
    <div id={`${id}-hint`} className="mb-2 max-w-2xl text-muted">
      {children}
    </div>
  );
}

export function ErrorMessage({ id, children }: { id: string; children: ReactNode }) {
  return (
    <p id={`${id}-error`} className="mb-2 font-bold text-error">
      <span className="sr-only">Error:</span> {children}
    </p>
  );
}

/** A labelled question around one control: the group, its label, hint and inline error. */
export function Question({ id, label, hint, error, children, after }: { id: string; label: ReactNode; hint?: ReactNode; error?: string; children: ReactNode; after?: ReactNode }) {
  return (
    <FormGroup error={error}>
      <Label htmlFor={id}>{label}</Label>
      {hint ? <Hint id={id}>{hint}</Hint> : null}
      {error ? <ErrorMessage id={id}>{error}</ErrorMessage> : null}
      {children}
      {after}
    </FormGroup>
  );
}
