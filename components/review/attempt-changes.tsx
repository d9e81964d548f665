import type { AttemptChanges } from "@/lib/review/changes";
import type { ReactNode } from "react";
import { statusWord } from "@/components/submission/status-tag";
import { checkLabel } from "./labels";

const word = (s: string | null) => (s ? statusWord(s) : "no result");

type Row = { key: string; label: string; before: ReactNode; after: ReactNode };

/** A before-and-now table, one row per thing that changed. */
function BeforeNowTable({ caption, what, rows, className = "" }: { caption: string; what: string; rows: Row[]; className?: string }) {
  return (
    <table className={`w-full border-collapse text-left ${className}`}>
      <caption className="mb-2 text-left font-bold">{caption}</caption>
      <thead>
        <tr className="border-b-2 border-ink">
          <th scope="col" className="py-2 pr-3">{what}</th>
          <th scope="col" className="py-2 pr-3">Before</th>
          <th scope="col" className="py-2">Now</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.key} className="border-b border-gray-300 align-top">
            <th scope="row" className="py-2 pr-3 font-normal">{row.label}</th>
            <td className="py-2 pr-3 break-all">{row.before}</td>
            <td className="py-2 break-all font-bold">{row.after}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** What the administrator changed since the previous attempt, and which checks moved. */
export function AttemptChangesSection({ changes }: { changes: AttemptChanges }) {
  return (
    <section aria-labelledby="changes-heading" className="mb-10">
      <h2 id="changes-heading" className="mb-3 text-2xl font-bold">
        Changes since attempt {changes.previousAttemptNumber}
      </h2>
      {changes.values.length === 0 ? (
        <p className="mb-4">The same values were submitted again.</p>
      ) : (
        <BeforeNowTable
          caption="Values"
          what="Field"
          className="mb-6"
          rows={changes.values.map((v) => ({ key: v.field, label: v.label, before: <del>{v.before}</del>, after: <ins className="no-underline">{v.after}</ins> }))}
        />
      )}
      {changes.checks.length === 0 ? (
        <p>Every check ended as it did before.</p>
      ) : (
        <BeforeNowTable
          caption="Checks"
          what="Check"
          rows={changes.checks.map((c) => ({ key: c.checkId, label: checkLabel(c.checkId), before: word(c.before), after: word(c.after) }))}
        />
      )}
    </section>
  );
}
