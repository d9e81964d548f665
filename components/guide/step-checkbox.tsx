"use client";

import { setStepDone, useProgress } from "./progress-store";

export function StepCheckbox({ anchor, number, optional }: { anchor: string; number: number; optional?: boolean }) {
  const done = useProgress().has(anchor);
  const id = `done-${anchor}`;
  return (
    <div className="mt-6 flex items-center gap-3 rounded border-2 border-gray-300 bg-gray-50 px-3 py-2 print:hidden">
      <input
        id={id}
        type="checkbox"
        checked={done}
        onChange={(event) => setStepDone(anchor, event.target.checked)}
        className="h-6 w-6 shrink-0 accent-success"
      />
      <label htmlFor={id} className="font-bold">
        {optional ? `I have done step ${number}, or chosen to skip it` : `I have done step ${number}`}
      </label>
    </div>
  );
}
