import type { ReactNode } from "react";

export type SummaryRow = { key: string; value: ReactNode; action?: ReactNode };

/** GOV.UK summary list: what was answered, with a Change link per row. */
export function SummaryList({ rows }: { rows: SummaryRow[] }) {
  return (
    <dl className="mb-8 border-t border-gray-300">
      {rows.map((row) => (
        <div key={row.key} className="grid gap-1 border-b border-gray-300 py-3 sm:grid-cols-[14rem_1fr_auto] sm:gap-4">
          <dt className="font-bold">{row.key}</dt>
          <dd className="min-w-0 break-words">{row.value}</dd>
          {row.action ? <dd className="sm:text-right">{row.action}</dd> : null}
        </div>
      ))}
    </dl>
  );
}
