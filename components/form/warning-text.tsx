import type { ReactNode } from "react";

/** GOV.UK warning text: a "!" in a circle and bold words, read as "Warning". */
export function WarningText({ children, id }: { children: ReactNode; id?: string }) {
  return (
    <div id={id} className="my-2 flex items-start gap-3">
      <span aria-hidden="true" className="flex size-8 shrink-0 items-center justify-center rounded-full bg-ink text-xl font-bold text-white">
        !
      </span>
      <strong className="pt-1">
        <span className="sr-only">Warning: </span>
        {children}
      </strong>
    </div>
  );
}
