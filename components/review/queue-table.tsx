import Link from "next/link";
import type { QueueRow } from "@/lib/review/queues";
import { formatDateTime } from "@/lib/email/format";
import { OUTCOME_LABELS, reasonLabel, STAGE_LABELS } from "./labels";
import { Tag } from "@/components/staff/stage-tag";
import { OUTCOME_TONES } from "./tag";

type Props = { rows: QueueRow[]; caption: string; csmNames: Record<string, string>; sinceLabel: string };

function Problems({ row }: { row: QueueRow }) {
  if (!row.problems.length) return <span className="text-muted">None</span>;
  return (
    <ul className="space-y-1">
      {row.problems.map((p) => (
        <li key={p}>{reasonLabel(p)}</li>
      ))}
    </ul>
  );
}

function Badges({ row }: { row: QueueRow }) {
  return (
    <span className="flex flex-wrap gap-1">
      {row.regressed ? <Tag tone="red">Stopped working</Tag> : null}
      {row.changesRequestedAt ? <Tag tone="yellow">Changes requested</Tag> : null}
    </span>
  );
}

function Run({ row }: { row: QueueRow }) {
  if (!row.latestRun) return <span className="text-muted">Not run yet</span>;
  return <Tag tone={OUTCOME_TONES[row.latestRun.outcome] ?? "grey"}>{OUTCOME_LABELS[row.latestRun.outcome] ?? row.latestRun.outcome}</Tag>;
}

/** A queue page: a table on wide screens, a list of cards on narrow ones. */
export function QueueTable({ rows, caption, csmNames, sinceLabel }: Props) {
  const csm = (id: string | null) => (id ? (csmNames[id] ?? "Unknown") : "Not assigned");
  const link = (row: QueueRow) => (
    <Link href={`/staff/submissions/${row.attemptId}`} className="font-bold text-brand-700 underline">
      {row.brokerageName}
    </Link>
  );
  return (
    <>
      <table className="hidden w-full border-collapse text-left md:table">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr className="border-b-2 border-ink">
            <th scope="col" className="py-2 pr-3">Brokerage</th>
            <th scope="col" className="py-2 pr-3">{sinceLabel}</th>
            <th scope="col" className="py-2 pr-3">Latest run</th>
            <th scope="col" className="py-2 pr-3">What failed</th>
            <th scope="col" className="py-2 pr-3">Stage</th>
            <th scope="col" className="py-2">CSM</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.attemptId} className="border-b border-gray-300 align-top">
              <td className="py-3 pr-3">
                {link(row)}
                <div className="text-sm text-muted">Attempt {row.attemptNumber}</div>
                <Badges row={row} />
              </td>
              <td className="py-3 pr-3 whitespace-nowrap">{formatDateTime(row.since)}</td>
              <td className="py-3 pr-3">
                <Run row={row} />
              </td>
              <td className="py-3 pr-3">
                <Problems row={row} />
              </td>
              <td className="py-3 pr-3">{STAGE_LABELS[row.stage] ?? row.stage}</td>
              <td className="py-3">{csm(row.csmId)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <ul className="space-y-4 md:hidden" aria-label={caption}>
        {rows.map((row) => (
          <li key={row.attemptId} className="border-l-4 border-brand-700 bg-gray-50 p-3">
            <h3 className="text-lg">{link(row)}</h3>
            <p className="text-sm text-muted">
              Attempt {row.attemptNumber} · {sinceLabel} {formatDateTime(row.since)}
            </p>
            <div className="my-2 flex flex-wrap items-center gap-2">
              <Run row={row} />
              <Badges row={row} />
            </div>
            <dl className="grid grid-cols-[7rem_1fr] gap-x-2 gap-y-1">
              <dt className="font-bold">What failed</dt>
              <dd>
                <Problems row={row} />
              </dd>
              <dt className="font-bold">Stage</dt>
              <dd>{STAGE_LABELS[row.stage] ?? row.stage}</dd>
              <dt className="font-bold">CSM</dt>
              <dd>{csm(row.csmId)}</dd>
            </dl>
          </li>
        ))}
      </ul>
    </>
  );
}
