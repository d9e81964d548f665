import Link from "next/link";
import type { ReactNode } from "react";

export type SummaryRow = {
  key: string;
  value: ReactNode;
  /** Anything in the action column, such as a button that goes back to a question. */
  action?: ReactNode;
  /** A "Change" link to another page, named for screen readers after its row. */
  change?: { href: string };
};

/** GOV.UK summary list: key, value and an optional action or Change link per row. */
export function SummaryList({ rows }: { rows: SummaryRow[] }) {
  return (
    <dl className="mb-8 border-t border-gray-300">
      {rows.map((row) => {
        const action = row.action ?? (row.change ? <ChangeLink href={row.change.href} what={row.key} /> : null);
        return (
          <div key={row.key} className="grid gap-1 border-b border-gray-300 py-3 sm:grid-cols-[14rem_1fr_auto] sm:gap-4">
            <dt className="font-bold">{row.key}</dt>
            <dd className="min-w-0 break-words">{row.value}</dd>
            {action ? <dd className="sm:text-right">{action}</dd> : null}
          </div>
        );
      })}
    </dl>
  );
}

function ChangeLink({ href, what }: { href: string; what: string }) {
  return (
    <Link href={href} className="text-brand-700 underline">
      Change<span className="sr-only"> {what.toLowerCase()}</span>
    </Link>
  );
}
