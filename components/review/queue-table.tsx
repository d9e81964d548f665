import Link from "next/link";
import { Tag } from "@/components/staff/stage-tag";
import { TableRegion, th } from "@/components/staff/table-region";
import { formatDateTime } from "@/lib/email/format";
import type { QueueRow } from "@/lib/review/queues";
import { OUTCOME_LABELS, reasonLabel, STAGE_LABELS } from "./labels";
import { stackedCell, stackedHead, stackedRow, stackedTable, stackedTitleCell } from "./stacked-table";
import { OUTCOME_TONES } from "./tag";

type Props = { rows: QueueRow[]; caption: string; csmNames: Record<string, string>; sinceLabel: string };

/** A queue page as one table, which stacks into cards on narrow screens. */
export function QueueTable({ rows, caption, csmNames, sinceLabel }: Props) {
  return (
    <TableRegion label={caption}>
      <table className={`${stackedTable} md:min-w-[50rem]`}>
        <caption className="sr-only">{caption}</caption>
        <thead className={stackedHead}>
          <tr>
            <th scope="col" className={th}>Brokerage</th>
            <th scope="col" className={th}>{sinceLabel}</th>
            <th scope="col" className={th}>Latest run</th>
            <th scope="col" className={th}>What failed</th>
            <th scope="col" className={th}>Stage</th>
            <th scope="col" className={th}>CSM</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.attemptId} className={stackedRow}>
              <td className={stackedTitleCell}>
                <Link href={`/staff/submissions/${row.attemptId}`} className="font-bold text-brand-700 underline">
                  {row.brokerageName}
                </Link>
                <span className="block text-sm text-muted">Attempt {row.attemptNumber}</span>
                {row.regressed || row.changesRequestedAt ? (
                  <span className="mt-1 flex flex-wrap gap-1">
                    {row.regressed ? <Tag tone="red">Stopped working</Tag> : null}
                    {row.changesRequestedAt ? <Tag tone="yellow">Changes requested</Tag> : null}
                  </span>
                ) : null}
              </td>
              <td data-label={sinceLabel} className={`${stackedCell} md:whitespace-nowrap`}>{formatDateTime(row.since)}</td>
              <td data-label="Latest run" className={stackedCell}>
                {row.latestRun ? <Tag tone={OUTCOME_TONES[row.latestRun.outcome] ?? "grey"}>{OUTCOME_LABELS[row.latestRun.outcome] ?? row.latestRun.outcome}</Tag> : "Not run yet"}
              </td>
              <td data-label="What failed" className={stackedCell}>{row.problems.length ? row.problems.map(reasonLabel).join("; ") : <span className="text-muted">None</span>}</td>
              <td data-label="Stage" className={stackedCell}>{STAGE_LABELS[row.stage]}</td>
              <td data-label="CSM" className={stackedCell}>{row.csmId ? (csmNames[row.csmId] ?? "Unknown") : "Not assigned"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableRegion>
  );
}
