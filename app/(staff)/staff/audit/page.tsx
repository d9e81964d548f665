import type { Metadata } from "next";
import Link from "next/link";
import { buttonClass } from "@/components/form/button";
import { FilterSelect } from "@/components/form/filter-select";
import { describeAction } from "@/components/review/history-words";
import { Pagination } from "@/components/staff/pagination";
import { Table, TableRegion, Td, Th, Tr } from "@/components/staff/table-region";
import { AUDIT_ACTIONS, AUDIT_FAMILIES } from "@/lib/audit/actions";
import { listAuditEvents, type AuditFilters } from "@/lib/audit/list-events";
import { requireStaffRole } from "@/lib/auth/require-staff-role";
import { AREA_ROLES } from "@/lib/auth/roles";
import { db } from "@/lib/db/client";
import { formatDay, formatTimeOfDay } from "@/lib/format/dates";
import { apiKeyNames } from "@/lib/handoff/api-keys";
import { decodeCursor, encodeCursor, pageParams } from "@/lib/pagination/keyset";
import { isGuid } from "@/lib/validation/guid";
import { staffNames } from "@/lib/email/staff-contact";

export const metadata: Metadata = { title: "Audit log" };

// Families first, then every action in its words: nobody has to know the codes.
const ACTION_OPTIONS = [
  { value: "", label: "Any action" },
  ...Object.entries(AUDIT_FAMILIES).map(([value, label]) => ({ value, label })),
  ...Object.entries(AUDIT_ACTIONS)
    .map(([value, label]) => ({ value, label: label as string }))
    .sort((a, b) => a.label.localeCompare(b.label)),
];

/** A log is read line by line: tighter rows than other staff tables, and on a phone label beside value. */
const COMPACT = "sm:py-1.5 max-sm:flex max-sm:gap-2 max-sm:py-0.5 max-sm:before:w-20 max-sm:before:shrink-0";

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
  // Newest first, one table per UTC day.
  const days: Array<{ day: string; rows: typeof rows }> = [];
  for (const r of rows) {
    const day = r.at.toISOString().slice(0, 10);
    if (days.at(-1)?.day !== day) days.push({ day, rows: [] });
    days.at(-1)!.rows.push(r);
  }

  return (
    <div>
      <h1 className="mb-6 text-3xl font-bold sm:text-4xl">Audit log</h1>
      <form method="get" action="/staff/audit" role="search" aria-label="Filter the audit log" className="mb-6 grid gap-4 bg-gray-50 p-4 sm:grid-cols-2 lg:grid-cols-[1.5fr_1.2fr_1fr_1fr_auto] lg:items-end">
        {filters.brokerageId ? <input type="hidden" name="brokerage" value={filters.brokerageId} /> : null}
        <FilterSelect id="audit-action" name="action" label="What" value={filters.action ?? ""} options={ACTION_OPTIONS} wide />
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
        days.map(({ day, rows: dayRows }) => (
          <section key={day} aria-labelledby={`day-${day}`} className="mb-6">
            <h2 id={`day-${day}`} className="mb-2 border-b-2 border-ink pb-1 text-xl font-bold">
              {formatDay(day)}
            </h2>
            <TableRegion label={`Audit events on ${formatDay(day)}`}>
              <Table
                caption={`Audit events on ${formatDay(day)}, newest first`}
                minWidth="sm:min-w-[48rem]"
                head={
                  <>
                    <Th>Time (UTC)</Th>
                    <Th>Who</Th>
                    <Th>What</Th>
                    <Th>Brokerage</Th>
                    <Th>From</Th>
                  </>
                }
              >
                {dayRows.map((r) => (
                  <Tr key={r.id}>
                    <Td label="Time (UTC)" className={`${COMPACT} sm:w-24 sm:whitespace-nowrap`}>
                      <time dateTime={r.at.toISOString()}>{formatTimeOfDay(r.at)}</time>
                    </Td>
                    <Td label="Who" className={COMPACT}>
                      {who(r)}
                    </Td>
                    <Td label="What" className={COMPACT}>
                      {describeAction(r.action, r.detail)}
                    </Td>
                    <Td label="Brokerage" className={COMPACT}>
                      {r.brokerageId ? (
                        <Link href={`/staff/audit?${new URLSearchParams({ ...kept, brokerage: r.brokerageId })}`} className="text-brand-700 underline">
                          {r.brokerageName ?? "Deleted brokerage"}
                        </Link>
                      ) : (
                        <span className="text-muted">None</span>
                      )}
                    </Td>
                    <Td label="From" className={`${COMPACT} break-all`}>
                      {r.ip ?? <span className="text-muted">Not recorded</span>}
                    </Td>
                  </Tr>
                ))}
              </Table>
            </TableRegion>
          </section>
        ))
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
