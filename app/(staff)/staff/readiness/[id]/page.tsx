import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { FilterSelect } from "@/components/form/filter-select";
import { Button } from "@/components/form/button";
import { Tag, type TagTone } from "@/components/form/tag";
import { Pagination } from "@/components/staff/pagination";
import { AgentListForm } from "@/components/staff/readiness/agent-list-form";
import { ReadinessProgress } from "@/components/staff/readiness/readiness-progress";
import { RecheckForm } from "@/components/staff/readiness/recheck-form";
import { Table, TableRegion, Td, Th, Tr } from "@/components/staff/table-region";
import { requireStaffRole } from "@/lib/auth/require-staff-role";
import { AREA_ROLES } from "@/lib/auth/roles";
import { formatDateTime } from "@/lib/format/dates";
import { pageParams } from "@/lib/pagination/keyset";
import { readinessFilter } from "@/lib/readiness/filter";
import { reasonLabel, STATUS_LABELS } from "@/lib/readiness/labels";
import { AGENT_STATUSES, listAgents, readinessBrokerage, readinessCounts, readinessProgress, type AgentStatus } from "@/lib/readiness/view";
import { isGuid } from "@/lib/validation/guid";
import { recheckAgentsAction, replaceAgentsAction } from "../actions";

const load = cache(async (id: string) => (isGuid(id) ? readinessBrokerage(id) : null));

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  await requireStaffRole(...AREA_ROLES.readiness);
  const brokerage = await load((await params).id);
  return { title: brokerage ? `Agent mailboxes: ${brokerage.name}` : "Brokerage not found" };
}

const TONES: Record<AgentStatus, TagTone> = { ready: "green", "not-ready": "red", unknown: "yellow", unchecked: "grey" };
const n = (v: number) => v.toLocaleString("en-US");

export default async function ReadinessPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireStaffRole(...AREA_ROLES.readiness);
  const brokerage = await load((await params).id);
  if (!brokerage) notFound();
  const search = await searchParams;
  const filter = readinessFilter(search);
  const { cursor } = pageParams(search);
  const [counts, progress, page] = await Promise.all([readinessCounts(brokerage.id), readinessProgress(brokerage.id), listAgents(brokerage.id, filter, cursor)]);
  const base = `/staff/readiness/${brokerage.id}`;
  const query = (extra: Record<string, string | undefined>) => {
    const q = new URLSearchParams(Object.entries({ status: filter.status, reason: filter.reason, ...extra }).filter((e): e is [string, string] => Boolean(e[1])));
    return q.size ? `?${q}` : "";
  };
  const reasons = Object.entries(counts.byReason).sort((a, b) => b[1] - a[1]);

  return (
    <div className="max-w-5xl">
      <span className="block text-lg text-muted">Agent mailboxes</span>
      <h1 className="mb-6 break-words text-3xl font-bold sm:text-4xl">{brokerage.name}</h1>

      <h2 className="mb-4 text-2xl font-bold">Readiness</h2>
      {counts.total === 0 ? (
        <p className="mb-6 text-lg">No agents yet: upload or paste the list of agents&apos; addresses below.</p>
      ) : (
        <>
          <p className="mb-4 text-xl font-bold" data-testid="readiness-summary">
            {counts.notReady + counts.unknown === 0 && counts.unchecked === 0
              ? `All ${n(counts.total)} agent mailboxes are ready`
              : `${n(counts.ready)} of ${n(counts.total)} ready, ${n(counts.notReady)} not ready${counts.unknown ? `, ${n(counts.unknown)} could not be checked` : ""}${counts.unchecked ? `, ${n(counts.unchecked)} not checked yet` : ""}`}
          </p>
          {reasons.length ? (
            <TableRegion label="Not ready, by reason">
              <Table caption="Mailboxes not ready or not checked, by reason" head={<><Th>Reason</Th><Th>Mailboxes</Th></>}>
                {reasons.map(([reason, count]) => (
                  <Tr key={reason}>
                    <Td label="Reason">
                      <Link href={`${base}?reason=${reason}`} className="text-brand-700 underline">
                        {reasonLabel(reason)}
                      </Link>
                    </Td>
                    <Td label="Mailboxes">{n(count)}</Td>
                  </Tr>
                ))}
              </Table>
            </TableRegion>
          ) : null}
        </>
      )}
      <ReadinessProgress key={progress ? `${progress.runId}-${progress.status}` : "none"} initial={progress} url={`${base}/progress`} />
      {counts.total > 0 ? <RecheckForm brokerageId={brokerage.id} recheck={recheckAgentsAction} failing={counts.notReady + counts.unknown + counts.unchecked} /> : null}

      {counts.total > 0 ? (
        <>
          <h2 className="mb-4 text-2xl font-bold">Agents</h2>
          <form method="get" action={base} className="mb-6 flex flex-wrap items-end gap-4">
            <FilterSelect
              id="status"
              name="status"
              label="Status"
              value={filter.status ?? ""}
              options={[{ value: "", label: "All" }, ...AGENT_STATUSES.map((s) => ({ value: s, label: STATUS_LABELS[s] }))]}
            />
            <FilterSelect
              id="reason"
              name="reason"
              label="Reason"
              value={filter.reason ?? ""}
              options={[{ value: "", label: "Any" }, ...reasons.map(([r]) => ({ value: r, label: reasonLabel(r) }))]}
            />
            <Button variant="secondary">Filter</Button>
            <a href={`${base}/export${query({})}`} className="pb-2 text-lg text-brand-700 underline" download>
              Export these as CSV
            </a>
          </form>
          {page.rows.length === 0 ? (
            <p className="mb-6 text-lg">No agents match this filter.</p>
          ) : (
            <TableRegion label="Agents">
              <Table caption="Agent mailboxes and their readiness" head={<><Th>Mailbox</Th><Th>Status</Th><Th>Reason</Th><Th>Checked</Th></>}>
                {page.rows.map((a) => (
                  <Tr key={a.address}>
                    <Td label="Mailbox" className="break-all">{a.address}</Td>
                    <Td label="Status">
                      <Tag tone={TONES[a.status]}>{STATUS_LABELS[a.status]}</Tag>
                    </Td>
                    <Td label="Reason">
                      {reasonLabel(a.reason)}
                      {a.microsoftCode ? <span className="block text-sm text-muted">{a.microsoftCode}</span> : null}
                    </Td>
                    <Td label="Checked">{a.checkedAt ? formatDateTime(a.checkedAt) : "Not yet"}</Td>
                  </Tr>
                ))}
              </Table>
            </TableRegion>
          )}
          <Pagination firstHref={cursor ? `${base}${query({})}` : null} nextHref={page.next ? `${base}${query({ cursor: page.next })}` : null} />
        </>
      ) : null}

      <h2 className="mb-4 mt-10 text-2xl font-bold">Agent list</h2>
      <AgentListForm brokerageId={brokerage.id} replaceAgents={replaceAgentsAction} />
    </div>
  );
}
