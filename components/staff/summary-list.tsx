import Link from "next/link";

/** GOV.UK summary list: key, value and an optional "Change" link naming what it changes. */
export function SummaryList({ rows }: { rows: Array<{ key: string; value: React.ReactNode; change?: { href: string } }> }) {
  return (
    <dl className="mb-8 border-t border-gray-300">
      {rows.map((row) => (
        <div key={row.key} className="flex flex-col gap-1 border-b border-gray-300 py-3 sm:flex-row sm:gap-4">
          <dt className="font-bold sm:w-1/3">{row.key}</dt>
          <dd className="sm:flex-1">{row.value}</dd>
          {row.change ? (
            <dd className="sm:w-24 sm:text-right">
              <Link href={row.change.href} className="text-brand-700 underline">
                Change<span className="sr-only"> {row.key.toLowerCase()}</span>
              </Link>
            </dd>
          ) : null}
        </div>
      ))}
    </dl>
  );
}
