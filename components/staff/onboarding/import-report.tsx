import Link from "next/link";
import { CopyLink } from "@/components/staff/copy-link";
import { NotificationBanner } from "@/components/form/notification-banner";
import { Tag } from "@/components/form/tag";
import { Table, TableRegion, Td, Th, Tr } from "@/components/staff/table-region";
import type { ImportRowReport } from "@/lib/onboarding/import-report";

export type Report = { rows: ImportRowReport[]; created: number; notCreated: number; emailed: boolean };

const STATUS = {
  created: { label: "Created", tone: "green" },
  invalid: { label: "Not created", tone: "red" },
  duplicate: { label: "Duplicate", tone: "yellow" },
  error: { label: "Not created", tone: "red" },
} as const;

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** One line per row of the file: what was created, and why anything was not. */
export function ImportReport({ report }: { report: Report }) {
  return (
    <>
      <NotificationBanner kind={report.notCreated === 0 ? "success" : "important"} title="Import finished">
        <p className="font-bold">
          {plural(report.created, "brokerage", "brokerages")} created{report.created > 0 ? (report.emailed ? ", each link's email queued to send (the outbox shows whether it went)" : "") : ""}.{" "}
          {report.notCreated > 0 ? `${plural(report.notCreated, "line was", "lines were")} not created: fix them and import those lines again.` : ""}
        </p>
        {!report.emailed && report.created > 0 ? <p className="mt-2">The links below are shown only this once. Copy them now.</p> : null}
      </NotificationBanner>
      <TableRegion label="Import report">
        <Table caption="Import report, one row per line of the file" head={<><Th>Line</Th><Th>Brokerage</Th><Th>Result</Th><Th>Details</Th></>}>
          {report.rows.map((row) => (
            <Tr key={row.line}>
              <Td label="Line">{row.line}</Td>
              <Td label="Brokerage" className="break-words">
                {row.brokerageId ? (
                  <Link href={`/staff/onboarding/brokerages/${row.brokerageId}`} className="font-bold text-brand-700 underline">
                    {row.name}
                  </Link>
                ) : (
                  row.name || <span className="text-muted">No name</span>
                )}
                {row.recipientEmail ? <span className="block break-all text-sm text-muted">{row.recipientEmail}</span> : null}
              </Td>
              <Td label="Result">
                <Tag tone={STATUS[row.status].tone}>{STATUS[row.status].label}</Tag>
              </Td>
              <Td label="Details">
                {row.reasons.length > 0 ? (
                  <ul className="list-disc pl-5">
                    {row.reasons.map((reason) => (
                      <li key={reason}>{reason}</li>
                    ))}
                  </ul>
                ) : row.inviteUrl ? (
                  <CopyLink id={`link-line-${row.line}`} url={row.inviteUrl} label={`Invite link for ${row.name}`} />
                ) : (
                  "Email queued to send"
                )}
              </Td>
            </Tr>
          ))}
        </Table>
      </TableRegion>
      <p className="flex flex-wrap gap-6 text-lg">
        {/* A full page load: the form's state starts afresh. */}
        <a href="/staff/onboarding/import" className="text-brand-700 underline">
          Import another file
        </a>
        <Link href="/staff/onboarding" className="text-brand-700 underline">
          Go to the pipeline
        </Link>
      </p>
    </>
  );
}
