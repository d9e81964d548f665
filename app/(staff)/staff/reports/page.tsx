import type { Metadata } from "next";
import { Pagination } from "@/components/staff/pagination";
import { TableRegion, td, th } from "@/components/staff/table-region";
import { requireStaffRole } from "@/lib/auth/require-staff-role";
import { AREA_ROLES } from "@/lib/auth/roles";
import { formatDateTime } from "@/lib/email/format";
import { listScreenReports } from "@/lib/onboarding/screen-reports";

export const metadata: Metadata = { title: "Screen reports" };

export default async function ScreenReportsPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  await requireStaffRole(...AREA_ROLES.reports);
  const page = Math.max(1, Number((await searchParams).page) || 1);
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
          <table className="w-full min-w-[40rem] border-collapse">
            <caption className="sr-only">Screen reports, newest first</caption>
            <thead>
              <tr>
                <th scope="col" className={th}>
                  Received
                </th>
                <th scope="col" className={th}>
                  Guide step
                </th>
                <th scope="col" className={th}>
                  Report
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id}>
                  <td className={`${td} whitespace-nowrap`}>{formatDateTime(r.createdAt)}</td>
                  <td className={`${td} font-mono text-sm`}>{r.step}</td>
                  <td className={td}>
                    <p className="whitespace-pre-wrap break-words">{r.body}</p>
                    {r.browser ? <span className="mt-1 block text-sm text-muted">{r.browser}</span> : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      )}
      <Pagination page={page} pages={pages} href={(p) => `/staff/reports?page=${p}`} />
    </div>
  );
}
