import type { Metadata } from "next";
import Link from "next/link";
import { buttonClass } from "@/components/form/button";
import { FilterSelect } from "@/components/form/filter-select";
import { describeAction } from "@/components/review/history-words";
import { Pagination } from "@/components/staff/pagination";
import { Table, TableRegion, Td, Th, Tr } from "@/components/staff/table-region";
import { listAuditEvents, type AuditFilters } from "@/lib/audit/list-events";
import { requireStaffRole } from "@/lib/auth/require-staff-role";
import { AREA_ROLES } from "@/lib/auth/roles";
import { db } from "@/lib/db/client";
import { formatDateTime } from "@/lib/format/dates";
import { apiKeyNames } from "@/lib/handoff/api-keys";
import { decodeCursor, encodeCursor, pageParams } from "@/lib/pagination/keyset";
import { isGuid } from "@/lib/validation/guid";
import { staffNames } from "@/lib/email/staff-contact";

export const metadata: Metadata = { title: "Audit log" };

const ACTOR_TYPES = { staff: "Staff", brokerage: "Brokerage administrators", system: "The portal itself", api: "The sync service (API keys)" } as const;
const isActorType = (v: string | undefined): v is keyof typeof ACTOR_TYPES => Boolean(v && v in ACTOR_TYPES);
const isDay = (v: string | undefined): v is string => Boolean(v && /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(v)));

export default async function AuditPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  await requireStaffRole(...AREA_ROLES.audit);
  const params = await searchParams;
  const action = params.action?.trim().slice(0, 80) ?? "";
  const filters: AuditFilters = {
    action: /^[a-z0-9._-]+$/i.test(action) ? action : null,
    actorType: isActorType(params.actor) ? params.actor : null,
    brokerageId: params.brokerage && isGuid(params.brokerage) ? params.brokerage : null,
    from: isDay(params.from) ? params.from : null,
    to: isDay(params.to) ? params.to : null,
  };
  const { cursor } = pageParams(params);
  const before = decodeCursor(cursor, ["serial"]);
  const { rows, nextBeforeId } = await listAuditEvents(filters, { beforeId: before?.[0] ?? null });
  const [staff, keys] = await Promise.all([
    staffNames(db(), rows.filter((r) => r.actorType === "staff").map((r) => r.actorId)),
    apiKeyNames(rows.filter((r) => r.actorType === "api").map((r) => r.actorId)),
  ]);
  const who = (r: (typeof rows)[number]) => {
    if (r.actorType === "staff") return r.actorId ? (staff[r.actorId] ?? "Former staff member") : "Staff";
    if (r.actorType === "api") return `Sync service, key “${(r.actorId && keys[r.actorId]) ?? "deleted"}”`;
    if (r.actorType === "brokerage") return "Brokerage administrator";
    return r.actorId ? `The portal (${r.actorId})` : "The portal";
  };
  const kept = Object.fromEntries(
    Object.entries({ action: filters.action ?? "", actor: filters.actorType ?? "", brokerage: filters.brokerageId ?? "", from: filters.from ?? "", to: filters.to ?? "" }).filter(([, v]) => v),
  ) as Record<string, string>;
  const field = "w-full border-2 border-ink bg-white px-2 py-1.5 text-lg";

  return (
    <div>
      <h1 className="mb-6 text-3xl font-bold sm:text-4xl">Audit log</h1>
      <form method="get" action="/staff/audit" role="search" aria-label="Filter the audit log" className="mb-6 grid gap-4 bg-gray-50 p-4 sm:grid-cols-2 lg:grid-cols-[1.5fr_1.2fr_1fr_1fr_auto] lg:items-end">
        {filters.brokerageId ? <input type="hidden" name="brokerage" value={filters.brokerageId} /> : null}
        <div>
          <label htmlFor="audit-action" className="mb-1 block font-bold">
            Action
          </label>
          <p id="audit-action-hint" className="mb-1 text-sm text-muted">
            Like attempt.approved, or attempt. for all of them
          </p>
          <input id="audit-action" name="action" defaultValue={filters.action ?? ""} spellCheck={false} autoComplete="off" aria-describedby="audit-action-hint" className={`${field} font-mono`} />
        </div>
        <FilterSelect
          id="audit-actor"
          name="actor"
          label="Who"
          value={filters.actorType ?? ""}
          options={[{ value: "", label: "Anyone" }, ...Object.entries(ACTOR_TYPES).map(([value, label]) => ({ value, label }))]}
          wide
        />
        <div>
          <label htmlFor="audit-from" className="mb-1 block font-bold">
            From (UTC)
          </label>
          <input id="audit-from" name="from" type="date" defaultValue={filters.from ?? ""} className={field} />
        </div>
        <div>
          <label htmlFor="audit-to" className="mb-1 block font-bold">
            To (UTC)
          </label>
          <input id="audit-to" name="to" type="date" defaultValue={filters.to ?? ""} className={field} />
        </div>
        <div className="flex flex-wrap gap-3">
          <button type="submit" className={buttonClass("primary")}>
            Filter
          </button>
          {Object.keys(kept).length ? (
            <Link href="/staff/audit" className={buttonClass("secondary")}>
              Clear
            </Link>
          ) : null}
        </div>
      </form>
      {filters.brokerageId ? (
        <p className="mb-4 text-lg">
          Showing one brokerage&apos;s events.{" "}
          <Link href={`/staff/audit?${new URLSearchParams(Object.entries(kept).filter(([k]) => k !== "brokerage"))}`} className="text-brand-700 underline">
            Show every brokerage
          </Link>
        </p>
      ) : null}
      {rows.length === 0 ? (
        <p className="text-lg">No events match.</p>
      ) : (
        <TableRegion label="Audit events">
          <Table
            caption="Audit events, newest first"
            minWidth="sm:min-w-[52rem]"
            head={
              <>
                <Th>When</Th>
                <Th>Who</Th>
                <Th>What</Th>
                <Th>Brokerage</Th>
                <Th>From</Th>
              </>
            }
          >
            {rows.map((r) => (
              <Tr key={r.id}>
                <Td label="When" className="sm:whitespace-nowrap">
                  {formatDateTime(r.at)}
                </Td>
                <Td label="Who">{who(r)}</Td>
                <Td label="What">
                  {describeAction(r.action, r.detail)}
                  <span className="block font-mono text-sm text-muted">{r.action}</span>
                </Td>
                <Td label="Brokerage">
                  {r.brokerageId ? (
                    <Link href={`/staff/audit?${new URLSearchParams({ ...kept, brokerage: r.brokerageId })}`} className="text-brand-700 underline">
                      {r.brokerageName ?? "Deleted brokerage"}
                    </Link>
                  ) : (
                    <span className="text-muted">None</span>
                  )}
                </Td>
                <Td label="From" className="break-all">
                  {r.ip ?? <span className="text-muted">Not recorded</span>}
                </Td>
              </Tr>
            ))}
          </Table>
        </TableRegion>
      )}
      <Pagination
        firstHref={cursor ? `/staff/audit?${new URLSearchParams(kept)}` : null}
        nextHref={nextBeforeId ? `/staff/audit?${new URLSearchParams({ ...kept, cursor: encodeCursor([nextBeforeId]) })}` : null}
        firstLabel="Newest events"
        nextLabel="Older events"
      />
    </div>
  );
}
