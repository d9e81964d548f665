"use client";

import { clearProgress, useProgress } from "./progress-store";

type Step = { anchor: string; number: number; title: string };

/** "N of M steps done", a bar, and the contents list with a tick beside each finished step. */
export function ProgressIndicator({ steps }: { steps: readonly Step[] }) {
  const progress = useProgress();
  const done = steps.filter((s) => progress.has(s.anchor)).length;
  const percent = Math.round((done / steps.length) * 100);
  return (
    <div>
      <p className="font-bold" aria-live="polite">
        {done} of {steps.length} steps done
      </p>
      <div className="mt-2 h-2.5 w-full overflow-hidden rounded bg-gray-200" aria-hidden="true">
        <div className="h-full bg-success transition-[width]" style={{ width: `${percent}%` }} />
      </div>
      <ol className="mt-4 space-y-1.5 text-[0.95rem]">
        {steps.map((step) => (
          <li key={step.anchor} className="flex gap-2">
            <span className="w-4 shrink-0 font-bold text-success" aria-hidden="true">
              {progress.has(step.anchor) ? "✓" : ""}
            </span>
            <a href={`#${step.anchor}`} className="text-brand-700 underline underline-offset-2 hover:text-brand-800">
              {step.number}. {step.title}
              {progress.has(step.anchor) ? <span className="sr-only"> (done)</span> : null}
            </a>
          </li>
        ))}
      </ol>
      {done > 0 ? (
        <button type="button" onClick={clearProgress} className="mt-3 text-sm text-brand-700 underline underline-offset-2">
          Clear all ticks
        </button>
      ) : null}
    </div>
  );
}
