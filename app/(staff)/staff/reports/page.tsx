import type { Metadata } from "next";
import { Pagination } from "@/components/staff/pagination";
import { Table, TableRegion, Td, Th, Tr } from "@/components/staff/table-region";
import { requireStaffRole } from "@/lib/auth/require-staff-role";
import { AREA_ROLES } from "@/lib/auth/roles";
import { formatDateTime } from "@/lib/format/dates";
import { listScreenReports } from "@/lib/onboarding/screen-reports";
import { pageParams } from "@/lib/pagination/keyset";

export const metadata: Metadata = { title: "Screen reports" };

export default async function ScreenReportsPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  await requireStaffRole(...AREA_ROLES.reports);
  const page = pageParams(await searchParams).page ?? 1;
  const { rows, total, pages } = await listScreenReports(page);
  return (
    <div>
      <h1 className="mb-4 text-3xl font-bold sm:text-4xl">Screen reports</h1>
      <p className="mb-6 max-w-3xl text-lg">
        What administrators told us through the setup guide&apos;s &ldquo;This screen looks different&rdquo; link, newest first. A cluster of reports on one step usually means Microsoft
        changed that screen: check it and update the guide.
      </p>
      <p className="mb-4 text-lg">
        {total} {total === 1 ? "report" : "reports"}
      </p>
      {rows.length === 0 ? (
        <p className="text-lg">No reports yet.</p>
      ) : (
        <TableRegion label="Screen reports">
          <Table caption="Screen reports, newest first" head={<><Th>Received</Th><Th>Guide step</Th><Th>Report</Th></>}>
            {rows.map((r) => (
              <Tr key={r.id}>
                <Td label="Received" className="sm:whitespace-nowrap">
                  {formatDateTime(r.createdAt)}
                </Td>
                <Td label="Guide step" className="font-mono text-sm">
                  {r.step}
                </Td>
                <Td label="Report">
                  <p className="whitespace-pre-wrap break-words">{r.body}</p>
                  {r.browser ? <span className="mt-1 block text-sm text-muted">{r.browser}</span> : null}
                </Td>
              </Tr>
            ))}
          </Table>
        </TableRegion>
      )}
      <Pagination page={page} pages={pages} href={(p) => `/staff/reports?page=${p}`} />
    </div>
  );
}
