import { buttonClass } from "@/components/form/button";
import type { QueueId } from "@/lib/review/queues";
import { STAGE_LABELS } from "./labels";

export type CsmOption = { id: string; name: string };

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
      <div>
        <label htmlFor="filter-csm" className="mb-1 block font-bold">
          Customer-success manager
        </label>
        <select id="filter-csm" name="csm" defaultValue={values.csm} className={field}>
          <option value="">Anyone</option>
          <option value="unassigned">Not assigned</option>
          {csms.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="filter-stage" className="mb-1 block font-bold">
          Stage
        </label>
        <select id="filter-stage" name="stage" defaultValue={values.stage} className={field}>
          <option value="">Any stage</option>
          {Object.entries(STAGE_LABELS).map(([id, label]) => (
            <option key={id} value={id}>
              {label}
            </option>
          ))}
        </select>
      </div>
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
