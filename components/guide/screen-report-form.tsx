"use client";

import { createContext, useActionState, useContext, useEffect, useRef, type ReactNode } from "react";
import { Button } from "@/components/form/button";
import { describeBrowser } from "@/lib/guide/browser-name";
import { IDLE, type ActionState } from "@/lib/actions/state";
import { SCREEN_REPORT_BODY_MAX, type ScreenReportValues } from "@/lib/guide/screen-report-state";

export type ReportScreenAction = (state: ActionState<null, ScreenReportValues>, form: FormData) => Promise<ActionState<null, ScreenReportValues>>;

const ReportScreen = createContext<ReportScreenAction | null>(null);

/** The guide page hands its server action to every report form below it, however deep. */
export function ScreenReportProvider({ action, children }: { action: ReportScreenAction; children: ReactNode }) {
  return <ReportScreen value={action}>{children}</ReportScreen>;
}

/**
 * "This screen looks different": a small form under each drawing that records which
 * step, which browser and what differs, for staff to update the guide.
 */
export function ScreenReportForm({ step, stepLabel }: { step: string; stepLabel: string }) {
  const reportScreen = useContext(ReportScreen);
  if (!reportScreen) throw new Error("ScreenReportForm needs a ScreenReportProvider");
  const [state, action, pending] = useActionState<ActionState<null, ScreenReportValues>, FormData>(reportScreen, IDLE);
  const browserRef = useRef<HTMLInputElement>(null);
  const bodyRef = useRef<HTMLTextAreaElement>(null);
  const ids = { browser: `report-${step}-browser`, body: `report-${step}-body` };
  const errors: Record<string, string | undefined> = (state.status === "invalid" && state.errors) || {};

  useEffect(() => {
    const input = browserRef.current;
    if (input && !input.value) input.value = describeBrowser(navigator.userAgent);
  }, []);

  useEffect(() => {
    if (state.status === "invalid") (state.errors?.body ? bodyRef : browserRef).current?.focus();
  }, [state]);

  if (state.status === "ok") {
    return (
      <p role="status" className="mt-2 border-l-4 border-success bg-success/10 p-3">
        Thank you. Your report about {stepLabel} has been recorded, and we will check this drawing against the admin center.
      </p>
    );
  }

  return (
    <details className="mt-2 print:hidden">
      <summary className="cursor-pointer text-brand-700 underline underline-offset-2">This screen looks different</summary>
      <form action={action} noValidate className="mt-3 space-y-4 border-l-4 border-gray-300 pl-4">
        <input type="hidden" name="step" value={step} />
        <p>Tell us what you see instead, and we will update the drawing. Do not include IDs, secrets or passwords.</p>
        {state.status === "error" ? (
          <p role="alert" className="border-l-4 border-error bg-error/10 p-3 font-bold">
            {state.message}
          </p>
        ) : null}
        {errors.step ? (
          <p role="alert" className="font-bold text-error">
            <span className="sr-only">Error:</span> {errors.step}
          </p>
        ) : null}
        <Field id={ids.browser} label="Browser (optional)" hint="For example, Edge on Windows" error={errors.browser}>
          {(describedBy) => (
            <input
              ref={browserRef}
              id={ids.browser}
              name="browser"
              type="text"
              autoComplete="off"
              defaultValue={state.values?.browser}
              aria-describedby={describedBy}
              aria-invalid={Boolean(errors.browser)}
              className={`w-full max-w-md rounded-none border-2 px-2 py-1.5 ${errors.browser ? "border-error" : "border-ink"}`}
            />
          )}
        </Field>
        <Field id={ids.body} label="What looks different?" hint={`Up to ${SCREEN_REPORT_BODY_MAX} characters`} error={errors.body}>
          {(describedBy) => (
            <textarea
              ref={bodyRef}
              id={ids.body}
              name="body"
              rows={4}
              defaultValue={state.values?.body}
              aria-describedby={describedBy}
              aria-invalid={Boolean(errors.body)}
              className={`w-full max-w-xl rounded-none border-2 px-2 py-1.5 ${errors.body ? "border-error" : "border-ink"}`}
            />
          )}
        </Field>
        <Button disabled={pending}>{pending ? "Sending…" : "Send report"}</Button>
      </form>
    </details>
  );
}

function Field(props: { id: string; label: string; hint: string; error?: string; children: (describedBy: string) => ReactNode }) {
  const hintId = `${props.id}-hint`;
  const errorId = `${props.id}-error`;
  return (
    <div className={props.error ? "border-l-4 border-error pl-3" : ""}>
      <label htmlFor={props.id} className="block font-bold">
        {props.label}
      </label>
      <p id={hintId} className="text-sm text-muted">
        {props.hint}
      </p>
      {props.error ? (
        <p id={errorId} className="font-bold text-error">
          <span className="sr-only">Error:</span> {props.error}
        </p>
      ) : null}
      {props.children(props.error ? `${hintId} ${errorId}` : hintId)}
    </div>
  );
}
