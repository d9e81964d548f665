import type { Metadata } from "next";
import Link from "next/link";
import { buttonClass } from "@/components/form/button";
import { SelectField } from "@/components/form/select-field";
import { TextField } from "@/components/form/text-field";
import { Pagination } from "@/components/staff/pagination";
import { StageTag } from "@/components/staff/stage-tag";
import { Table, TableRegion, Td, Th, Tr } from "@/components/staff/table-region";
import { requireStaffRole } from "@/lib/auth/require-staff-role";
import { AREA_ROLES } from "@/lib/auth/roles";
import { listAssignableCsms } from "@/lib/onboarding/brokerage-detail";
import { listPipeline, PIPELINE_PAGE_SIZE, stageCounts, type PipelineFilters } from "@/lib/onboarding/pipeline";
import { BRANCH_LABELS, isProviderBranch } from "@/lib/providers/describe";
import { formatAge, isPipelineStage, PIPELINE_STAGES, STAGE_HINTS, STAGE_LABELS } from "@/lib/onboarding/stages";
import { pageParams } from "@/lib/pagination/keyset";

export const metadata: Metadata = { title: "Onboarding pipeline" };

type Params = Record<string, string | undefined>;

function filtersFrom(params: Params): PipelineFilters {
  return {
    stage: isPipelineStage(params.stage) ? params.stage : undefined,
    csm: params.csm || undefined,
    q: params.q?.slice(0, 200) || undefined,
    provider: params.provider === "unchecked" || isProviderBranch(params.provider) ? params.provider : undefined,
    page: pageParams(params).page ?? 1,
  };
}

function hrefFor(filters: PipelineFilters, changes: Partial<PipelineFilters>) {
  const next = { ...filters, page: undefined, ...changes };
  const query = new URLSearchParams();
  if (next.stage) query.set("stage", next.stage);
  if (next.csm) query.set("csm", next.csm);
  if (next.q) query.set("q", next.q);
  if (next.provider) query.set("provider", next.provider);
  if (next.page && next.page > 1) query.set("page", String(next.page));
  const qs = query.toString();
  return `/staff/onboarding${qs ? `?${qs}` : ""}`;
}

export default async function OnboardingPage({ searchParams }: { searchParams: Promise<Params> }) {
  await requireStaffRole(...AREA_ROLES.onboarding);
  const filters = filtersFrom(await searchParams);
  const [counts, list, csms] = await Promise.all([stageCounts(filters), listPipeline(filters), listAssignableCsms()]);
  const total = PIPELINE_STAGES.reduce((n, s) => n + counts[s], 0);
  const shown = filters.stage ? counts[filters.stage] : total;
  const now = new Date();

  return (
    <div>
      <div className="mb-6 flex flex-col gap-4 sm:flex-row sm:items-end sm:justify-between">
        <h1 className="text-3xl font-bold sm:text-4xl">Onboarding pipeline</h1>
        <div className="flex flex-wrap gap-3">
          <Link href="/staff/onboarding/brokerages/new" className={buttonClass("primary")}>
            Add a brokerage
          </Link>
          <Link href="/staff/onboarding/import" className={buttonClass("secondary")}>
            Import from a CSV file
          </Link>
        </div>
      </div>

      <nav aria-label="Stages">
        <ul className="mb-8 grid grid-cols-2 gap-2 sm:grid-cols-3 lg:grid-cols-5">
          <StageLink href={hrefFor(filters, { stage: undefined })} label="All stages" count={total} current={!filters.stage} />
          {PIPELINE_STAGES.map((stage) => (
            <StageLink key={stage} href={hrefFor(filters, { stage })} label={STAGE_LABELS[stage]} count={counts[stage]} current={filters.stage === stage} title={STAGE_HINTS[stage]} />
          ))}
        </ul>
      </nav>

      <form method="get" action="/staff/onboarding" className="mb-6 flex flex-col gap-x-4 sm:flex-row sm:flex-wrap sm:items-end" role="search" aria-label="Filter brokerages">
        {filters.stage ? <input type="hidden" name="stage" value={filters.stage} /> : null}
        <div className="sm:w-80">
          <TextField name="q" label="Search" hint="Brokerage name, email domain or recipient email" type="search" defaultValue={filters.q} spellCheck={false} width="full" />
        </div>
        <SelectField
          name="csm"
          label="Assigned CSM"
          defaultValue={filters.csm ?? ""}
          options={[{ value: "", label: "Anyone" }, { value: "none", label: "Not assigned" }, ...csms.map((c) => ({ value: c.id, label: c.name }))]}
        />
        <SelectField
          name="provider"
          label="Email provider"
          defaultValue={filters.provider ?? ""}
          options={[{ value: "", label: "Any" }, ...Object.entries(BRANCH_LABELS).map(([value, label]) => ({ value, label })), { value: "unchecked", label: "Not looked up yet" }]}
        />
        <div className="mb-6 flex items-center gap-4">
          <button type="submit" className={buttonClass("secondary")}>
            Apply filters
          </button>
          {filters.q || filters.csm || filters.provider ? (
            <Link href={hrefFor({ stage: filters.stage }, {})} className="text-brand-700 underline">
              Clear filters
            </Link>
          ) : null}
        </div>
      </form>

      <h2 className="mb-3 text-xl font-bold" id="pipeline-heading">
        {filters.stage ? STAGE_LABELS[filters.stage] : "All brokerages"}: {shown} {shown === 1 ? "brokerage" : "brokerages"}
        {filters.q ? ` matching “${filters.q}”` : ""}
      </h2>
      {list.rows.length === 0 ? (
        <p className="text-lg">No brokerages match these filters.</p>
      ) : (
        <TableRegion label="Brokerages in the pipeline">
          <Table caption="Brokerages, longest in their stage first" head={<><Th>Brokerage</Th><Th>Stage</Th><Th>In stage for</Th><Th>Recipient</Th><Th>CSM</Th></>}>
            {list.rows.map((row) => (
              <Tr key={row.id}>
                <Td label="Brokerage">
                  <Link href={`/staff/onboarding/brokerages/${row.id}`} className="font-bold text-brand-700 underline">
                    {row.name}
                  </Link>
                  {row.emailDomain ? <span className="block text-sm text-muted">{row.emailDomain}</span> : null}
                </Td>
                <Td label="Stage">
                  <StageTag stage={row.stage} />
                </Td>
                <Td label="In stage for">{formatAge(row.stageSince, now)}</Td>
                <Td label="Recipient" className="break-all">
                  {row.recipientEmail ?? <span className="text-muted">None yet</span>}
                </Td>
                <Td label="CSM">{row.csmName ?? <span className="text-muted">Not assigned</span>}</Td>
              </Tr>
            ))}
          </Table>
        </TableRegion>
      )}
      <Pagination page={list.page} pages={Math.max(1, Math.ceil(shown / PIPELINE_PAGE_SIZE))} href={(page) => hrefFor(filters, { page })} />
    </div>
  );
}

function StageLink({ href, label, count, current, title }: { href: string; label: string; count: number; current: boolean; title?: string }) {
  return (
    <li>
      <Link
        href={href}
        aria-current={current ? "page" : undefined}
        title={title}
        className={`block h-full border-2 px-3 py-2 no-underline ${current ? "border-ink bg-ink text-white" : "border-gray-300 text-ink hover:border-ink"}`}
      >
        <span className="block text-2xl font-bold">{count}</span>
        <span className="underline">{label}</span>
      </Link>
    </li>
  );
}
