import { buttonClass } from "@/components/form/button";
import { FilterSelect } from "@/components/form/filter-select";
import type { QueueId } from "@/lib/review/queue-types";
import { STAGE_LABELS } from "./labels";

export type CsmOption = { id: string; name: string };

/** Filter by customer-success manager: anyone, nobody yet, or one of them. */
export function CsmFilter({ id, value, csms, wide }: { id: string; value: string; csms: CsmOption[]; wide?: boolean }) {
  const options = [{ value: "", label: "Anyone" }, { value: "unassigned", label: "Not assigned" }, ...csms.map((c) => ({ value: c.id, label: c.name }))];
  return <FilterSelect id={id} name="csm" label="Customer-success manager" value={value} options={options} wide={wide} />;
}

/** Filters by CSM and stage and a search by brokerage name: a plain GET form, so filtered views can be bookmarked. */
export function QueueFilters({
  queue,
  csms,
  values,
}: {
  queue: QueueId;
  csms: CsmOption[];
  values: { csm: string; stage: string; q: string };
}) {
  const field = "w-full border-2 border-ink bg-white px-2 py-1.5 text-lg";
  return (
    <form method="get" action="/staff/submissions" role="search" aria-label="Filter submissions" className="mb-6 grid gap-4 bg-gray-50 p-4 sm:grid-cols-[1fr_1fr_1.5fr_auto] sm:items-end">
      <input type="hidden" name="queue" value={queue} />
      <CsmFilter id="filter-csm" value={values.csm} csms={csms} wide />
      <FilterSelect
        id="filter-stage"
        name="stage"
        label="Stage"
        value={values.stage}
        options={[{ value: "", label: "Any stage" }, ...Object.entries(STAGE_LABELS).map(([value, label]) => ({ value, label }))]}
        wide
      />
      <div>
        <label htmlFor="filter-q" className="mb-1 block font-bold">
          Brokerage name
        </label>
        <input id="filter-q" name="q" type="search" defaultValue={values.q} spellCheck={false} autoComplete="off" className={field} />
      </div>
      <div className="flex flex-wrap gap-3">
        <button type="submit" className={buttonClass("primary")}>
          Filter
        </button>
        {values.csm || values.stage || values.q ? (
          <a href={`/staff/submissions?queue=${queue}`} className={buttonClass("secondary")}>
            Clear
          </a>
        ) : null}
      </div>
    </form>
  );
}
