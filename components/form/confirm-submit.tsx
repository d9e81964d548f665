import type { ReactNode } from "react";
import { buttonClass } from "./button";
import { SubmitButton } from "./submit-button";

/**
 * A destructive submit behind a second step: the first button only opens the question,
 * the second one sends the form. A disclosure, so it works without JavaScript too.
 */
export function ConfirmSubmit({ label, question, confirm, target }: { label: string; question: ReactNode; confirm: string; target: string }) {
  return (
    <details className="group">
      <summary className={`${buttonClass("warning", true)} cursor-pointer list-none [&::-webkit-details-marker]:hidden`}>
        {label}
        <span className="sr-only"> {target}</span>
      </summary>
      <div className="mt-2 max-w-sm border-l-4 border-error bg-white py-1 pl-3">
        <p className="mb-2">{question}</p>
        <SubmitButton variant="warning" small>
          {confirm}
          <span className="sr-only"> {target}</span>
        </SubmitButton>
      </div>
    </details>
  );
}
