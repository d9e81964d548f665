import type { ReactNode } from "react";
import { formatGuideDate, type GuideStep } from "@/lib/guide/steps";
import type { DrawingProps } from "./illustrations/entra-screens";
import { CopyButton } from "@/components/form/copy-button";
import { ScreenReportForm } from "./screen-report-form";
import { StepCheckbox } from "./step-checkbox";

/** Layout pieces shared by the guide's sections (server components). */

export function StepSection(props: { step: GuideStep; children: ReactNode }) {
  const { step } = props;
  return (
    <section id={step.anchor} aria-labelledby={`${step.anchor}-heading`} className="guide-section scroll-mt-4 border-t-2 border-gray-300 pt-8">
      <h2 id={`${step.anchor}-heading`} className="text-2xl font-bold sm:text-3xl">
        <span className="block text-lg font-normal text-muted">
          Step {step.number}
          {step.optional ? " (optional)" : ""}
        </span>
        {step.title}
      </h2>
      <div className="mt-4 space-y-4">{props.children}</div>
      <StepCheckbox anchor={step.anchor} number={step.number} optional={step.optional} />
    </section>
  );
}

/** A drawing of the step's screen with its text alternative, check date and report form. */
export function StepFigure(props: {
  step: GuideStep;
  label: string;
  description: ReactNode;
  drawing: (ids: Pick<DrawingProps, "labelledBy" | "describedBy">) => ReactNode;
}) {
  const { step } = props;
  const labelId = `${step.anchor}-figure-label`;
  const descriptionId = `${step.anchor}-figure-description`;
  return (
    <div className="guide-figure my-6">
      <figure>
        {/* On narrow screens the drawing keeps a legible size and scrolls sideways instead of shrinking. */}
        <div
          tabIndex={0}
          role="group"
          aria-labelledby={labelId}
          className="overflow-x-auto rounded border border-gray-300 bg-white p-1 shadow-sm print:overflow-visible"
        >
          <div className="min-w-[520px] sm:min-w-0 print:min-w-0">{props.drawing({ labelledBy: labelId, describedBy: descriptionId })}</div>
        </div>
        <p className="mt-1 text-sm text-muted sm:hidden print:hidden" aria-hidden="true">
          Scroll sideways to see the whole drawing.
        </p>
        <figcaption className="mt-2 text-[0.95rem]">
          <span id={labelId} className="font-bold">
            {props.label}.
          </span>{" "}
          <span id={descriptionId}>{props.description}</span>
        </figcaption>
      </figure>
      {step.screen ? (
        <p className="mt-1 text-sm text-muted">
          Drawn from Microsoft’s published description of the {step.screen} on {formatGuideDate(step.lastChecked)}; not yet
          compared with a live tenant.
        </p>
      ) : null}
      <ScreenReportForm step={step.anchor} stepLabel={`step ${step.number} (${step.title})`} />
    </div>
  );
}

export function Inset(props: { children: ReactNode; tone?: "info" | "warning" }) {
  const tone = props.tone === "warning" ? "border-amber-600 bg-amber-50" : "border-brand-600 bg-brand-50";
  return <div className={`break-inside-avoid border-l-[6px] ${tone} px-4 py-3 [&>*+*]:mt-2`}>{props.children}</div>;
}

/** A command or script to paste, with a copy button. Focusable so keyboard users can scroll it. */
export function CodeBlock(props: { code: string; label: string }) {
  return (
    <div>
      <div className="flex justify-end">
        <CopyButton text={props.code} what={props.label} />
      </div>
      <pre
        tabIndex={0}
        aria-label={props.label}
        className="mt-1 overflow-x-auto rounded bg-ink p-4 font-mono text-sm leading-relaxed text-gray-100 print:whitespace-pre-wrap print:bg-white print:text-ink"
      >
        <code>{props.code}</code>
      </pre>
    </div>
  );
}

export function Ui(props: { children: ReactNode }) {
  return <strong className="font-bold">{props.children}</strong>;
}

export const linkClass = "text-brand-700 underline underline-offset-2 hover:text-brand-800";

/** For whoever lacks the role: a ready-made email to the Global Administrator with these steps. */
export function AdminMailLink({ href }: { href: string }) {
  return (
    <p>
      <a href={href} className={`${linkClass} font-bold`}>
        Send these steps to my Global Administrator
      </a>
    </p>
  );
}
