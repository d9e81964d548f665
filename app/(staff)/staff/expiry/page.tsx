import type { Metadata } from "next";
import Link from "next/link";
import { buttonClass } from "@/components/form/button";
import { CsmFilter } from "@/components/review/queue-filters";
import { Tag } from "@/components/form/tag";
import { Pagination } from "@/components/staff/pagination";
import { Table, TableRegion, Td, Th, Tr } from "@/components/staff/table-region";
import { requireStaffRole } from "@/lib/auth/require-staff-role";
import { AREA_ROLES } from "@/lib/auth/roles";
import { db } from "@/lib/db/client";
import { formatDateTime, formatDay } from "@/lib/format/dates";
import { EXPIRY_WINDOWS, lastReminders, listExpiringCredentials, type ExpiryWindow } from "@/lib/expiry/expiring";
import { listAssignableCsms } from "@/lib/onboarding/brokerage-detail";
import { decodeCursor, encodeCursor, pageParams } from "@/lib/pagination/keyset";
import { staffNames } from "@/lib/email/staff-contact";
import { InlineAction } from "@/components/form/inline-action";
import { remindNowAction } from "./actions";

export const metadata: Metadata = { title: "Secret expiry" };

const PAGE = 50;

function daysLeftText(days: number) {
  if (days < 0) return `Expired ${-days} ${days === -1 ? "day" : "days"} ago`;
  if (days === 0) return "Expires today";
  return `${days} ${days === 1 ? "day" : "days"} left`;
}

/** A page ends on the expiry day of its last row, then its attempt id. */
function parseAfter(cursor: string | undefined) {
  const key = decodeCursor(cursor, ["day", "guid"]);
  return key ? { secretExpiresOn: key[0], attemptId: key[1] } : undefined;
}

export default async function ExpiryPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  await requireStaffRole(...AREA_ROLES.review);
  const params = await searchParams;
  const within = (EXPIRY_WINDOWS as readonly number[]).includes(Number(params.within)) ? (Number(params.within) as ExpiryWindow) : 30;
  const csm = params.csm?.slice(0, 100) || null;
  const after = parseAfter(pageParams(params).cursor);
  const [rows, csms] = await Promise.all([listExpiringCredentials(within, new Date(), { csm, after, limit: PAGE + 1 }), listAssignableCsms()]);
  const shown = rows.slice(0, PAGE);
  const [reminders, names] = await Promise.all([lastReminders(shown.map((r) => r.approvalId)), staffNames(db(), shown.map((r) => r.csmId))]);
  const query = (extra: Record<string, string>) => `/staff/expiry?${new URLSearchParams({ within: String(within), ...(csm ? { csm } : {}), ...extra })}`;
  const last = shown.at(-1);

  return (
    <div>
      <h1 className="mb-2 text-3xl font-bold sm:text-4xl">Secret expiry</h1>
      <p className="mb-6 max-w-3xl text-lg">
        Approved credentials whose client secret expires soon. Administrators and their CSM are reminded 60, 30 and 7 days before, and again once it has expired (checked every hour). Remind now sends the administrator a reminder with a new link at once.
      </p>
      <nav aria-label="How far ahead" className="mb-6">
        <ul className="flex flex-wrap gap-4 text-lg">
          {EXPIRY_WINDOWS.map((w) => (
            <li key={w}>
              <Link href={`/staff/expiry?${new URLSearchParams({ within: String(w), ...(csm ? { csm } : {}) })}`} aria-current={w === within ? "page" : undefined} className={w === within ? "font-bold text-ink no-underline" : "text-brand-700 underline"}>
                Within {w} days
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <form method="get" action="/staff/expiry" className="mb-6 flex flex-wrap items-end gap-4 bg-gray-50 p-4">
        <input type="hidden" name="within" value={within} />
        <CsmFilter id="expiry-csm" value={csm ?? ""} csms={csms} />
        <button type="submit" className={buttonClass("primary")}>
          Filter
        </button>
      </form>
      {shown.length === 0 ? (
        <p className="text-lg">No approved credentials expire within {within} days.</p>
      ) : (
        <TableRegion label={`Credentials expiring within ${within} days`}>
          <Table
            caption={`Credentials expiring within ${within} days, soonest first`}
            minWidth="sm:min-w-[44rem]"
            head={
              <>
                <Th>Brokerage</Th>
                <Th>Secret expires</Th>
                <Th>Administrator</Th>
                <Th>CSM</Th>
                <Th>Reminders</Th>
              </>
            }
          >
            {shown.map((r) => {
              const reminder = reminders.get(r.approvalId);
              return (
                <Tr key={r.attemptId}>
                  <Td label="Brokerage">
                    <Link href={`/staff/submissions/${r.attemptId}`} className="font-bold text-brand-700 underline">
                      {r.brokerageName}
                    </Link>
                  </Td>
                  <Td label="Secret expires">
                    {formatDay(r.secretExpiresOn)}
                    <span className="mt-1 block">
                      <Tag tone={r.daysLeft < 0 ? "red" : r.daysLeft <= 7 ? "orange" : "yellow"}>{daysLeftText(r.daysLeft)}</Tag>
                    </span>
                  </Td>
                  <Td label="Administrator" className="break-all">
                    {r.administratorName}
                    <span className="block text-sm text-muted">{r.administratorEmail}</span>
                  </Td>
                  <Td label="CSM">{r.csmId ? (names[r.csmId] ?? "Unknown") : <Tag tone="yellow">Not assigned</Tag>}</Td>
                  <Td label="Reminders">
                    {reminder ? `${reminder.daysBefore === 0 ? "Expiry notice" : `${reminder.daysBefore}-day reminder`}, ${formatDateTime(reminder.sentAt)}` : "None yet"}
                    <InlineAction action={remindNowAction} fields={{ attemptId: r.attemptId }} done={`Reminder on its way to ${r.administratorEmail}, with a new link.`}>
                      Remind now<span className="sr-only"> the administrator of {r.brokerageName}</span>
                    </InlineAction>
                  </Td>
                </Tr>
              );
            })}
          </Table>
        </TableRegion>
      )}
      <Pagination
        firstHref={after ? query({}) : null}
        nextHref={rows.length > PAGE && last ? query({ cursor: encodeCursor([last.secretExpiresOn, last.attemptId]) }) : null}
      />
    </div>
  );
}
