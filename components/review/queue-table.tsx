import Link from "next/link";
import { Tag } from "@/components/form/tag";
import { Table, TableRegion, Td, Th, Tr } from "@/components/staff/table-region";
import { formatDateTime } from "@/lib/format/dates";
import type { QueueRow } from "@/lib/review/queue-types";
import { PROVIDER_LABELS } from "@/lib/validation/credential-method";
import { OUTCOME_LABELS, reasonLabel, STAGE_LABELS } from "./labels";
import { OUTCOME_TONES } from "./tag";
import { ReadinessSummary, type ReadinessLine } from "@/components/staff/readiness/readiness-summary";

type Props = { rows: QueueRow[]; caption: string; csmNames: Record<string, string>; sinceLabel: string; readiness?: ReadonlyMap<string, ReadinessLine> };

/** A queue page as one table (cards on a phone, like every staff table). */
export function QueueTable({ rows, caption, csmNames, sinceLabel, readiness }: Props) {
  return (
    <TableRegion label={caption}>
      <Table
        caption={caption}
        minWidth="sm:min-w-[50rem]"
        head={
          <>
            <Th>Brokerage</Th>
            <Th>{sinceLabel}</Th>
            <Th>Latest run</Th>
            <Th>Problems and warnings</Th>
            <Th>Stage</Th>
            {readiness ? <Th>Agent mailboxes</Th> : null}
            <Th>CSM</Th>
          </>
        }
      >
        {rows.map((row) => (
          <Tr key={row.attemptId}>
            <Td label="Brokerage">
              <Link href={`/staff/submissions/${row.attemptId}`} className="font-bold text-brand-700 underline">
                {row.brokerageName}
              </Link>
              <span className="block text-sm text-muted">
                Attempt {row.attemptNumber}, {PROVIDER_LABELS[row.provider]}
              </span>
              {row.regressed || row.changesRequestedAt ? (
                <span className="mt-1 flex flex-wrap gap-1">
                  {row.regressed ? <Tag tone="red">Stopped working</Tag> : null}
                  {row.changesRequestedAt ? <Tag tone="yellow">Changes requested</Tag> : null}
                </span>
              ) : null}
            </Td>
            <Td label={sinceLabel} className="sm:whitespace-nowrap">
              {formatDateTime(row.since)}
            </Td>
            <Td label="Latest run">
              {row.latestRun ? <Tag tone={OUTCOME_TONES[row.latestRun.outcome] ?? "grey"}>{OUTCOME_LABELS[row.latestRun.outcome] ?? row.latestRun.outcome}</Tag> : "Not run yet"}
            </Td>
            <Td label="Problems and warnings">
              <Findings problems={row.problems} warnings={row.warnings} />
            </Td>
            <Td label="Stage">{STAGE_LABELS[row.stage]}</Td>
            {readiness ? (
              <Td label="Agent mailboxes">
                <ReadinessSummary brokerageId={row.brokerageId} summary={readiness.get(row.brokerageId)} compact />
              </Td>
            ) : null}
            <Td label="CSM">{row.csmId ? (csmNames[row.csmId] ?? "Unknown") : <Tag tone="yellow">Not assigned</Tag>}</Td>
          </Tr>
        ))}
      </Table>
    </TableRegion>
  );
}

/** Failures first, then warnings, each named by its remediation's title; "None" only when there is neither. */
function Findings({ problems, warnings }: { problems: string[]; warnings: string[] }) {
  if (!problems.length && !warnings.length) return <span className="text-muted">None</span>;
  return (
    <ul className="space-y-1">
      {problems.map((p) => (
        <li key={`p-${p}`}>
          <span className="font-bold">Failed:</span> {reasonLabel(p)}
        </li>
      ))}
      {warnings.map((w) => (
        <li key={`w-${w}`}>
          <span className="font-bold">Warning:</span> {reasonLabel(w)}
        </li>
      ))}
    </ul>
  );
}
