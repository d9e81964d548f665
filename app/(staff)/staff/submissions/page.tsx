import type { Metadata } from "next";
import { QueueFilters } from "@/components/review/queue-filters";
import { QueueTable } from "@/components/review/queue-table";
import { QueueTabs } from "@/components/review/queue-tabs";
import { Pagination } from "@/components/staff/pagination";
import { requireStaffRole } from "@/lib/auth/require-staff-role";
import { AREA_ROLES } from "@/lib/auth/roles";
import { db } from "@/lib/db/client";
import { listAssignableCsms } from "@/lib/onboarding/brokerage-detail";
import { isPipelineStage } from "@/lib/onboarding/stages";
import { pageParams } from "@/lib/pagination/keyset";
import { QUEUE_IDS, QUEUES, type QueueId } from "@/lib/review/queue-types";
import { countQueues, listQueue } from "@/lib/review/queues";
import { staffNames } from "@/lib/email/staff-contact";
import { readinessSummaries } from "@/lib/readiness/view";

export const metadata: Metadata = { title: "Submissions" };

const SINCE: Record<QueueId, string> = { "needs-review": "Submitted", failing: "Since", inconclusive: "Submitted", approved: "Submitted" };
const EMPTY: Record<QueueId, string> = {
  "needs-review": "Nothing is waiting for review.",
  failing: "No submission is failing.",
  inconclusive: "No submission is inconclusive.",
  approved: "No credentials are approved yet.",
};

export default async function SubmissionsPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  await requireStaffRole(...AREA_ROLES.review);
  const params = await searchParams;
  const { cursor } = pageParams(params);
  const queue: QueueId = (QUEUE_IDS as readonly string[]).includes(params.queue ?? "") ? (params.queue as QueueId) : "needs-review";
  const stage = isPipelineStage(params.stage) ? params.stage : null;
  const values = { csm: params.csm?.slice(0, 100) ?? "", stage: stage ?? "", q: params.q?.trim().slice(0, 100) ?? "" };
  const filters = { csm: values.csm || null, stage, search: values.q || null };
  const [page, counts, csms] = await Promise.all([listQueue(queue, filters, { cursor }), countQueues(filters), listAssignableCsms()]);
  const names: Record<string, string> = Object.fromEntries(csms.map((c) => [c.id, c.name]));
  const readiness = await readinessSummaries([...new Set(page.rows.map((r) => r.brokerageId))]);
  // A disabled CSM still assigned somewhere is not in the list of choices: look those up.
  const missing = page.rows.map((r) => r.csmId).filter((id): id is string => Boolean(id && !names[id]));
  if (missing.length) Object.assign(names, await staffNames(db(), missing));
  const kept = Object.fromEntries(Object.entries(values).filter(([, v]) => v)) as Record<string, string>;
  const href = (extra: Record<string, string>) => `/staff/submissions?${new URLSearchParams({ queue, ...kept, ...extra })}`;

  return (
    <div>
      <h1 className="mb-6 text-3xl font-bold sm:text-4xl">Submissions</h1>
      <QueueTabs current={queue} counts={counts} query={kept} />
      <QueueFilters queue={queue} csms={csms.map((c) => ({ id: c.id, name: c.name }))} values={values} />
      <h2 className="mb-3 text-2xl font-bold">{QUEUES[queue].label}</h2>
      {page.rows.length === 0 ? (
        <p className="text-lg">{values.csm || values.stage || values.q ? "Nothing here matches the filters." : EMPTY[queue]}</p>
      ) : (
        <QueueTable rows={page.rows} caption={QUEUES[queue].label} csmNames={names} sinceLabel={SINCE[queue]} readiness={readiness} />
      )}
      <Pagination firstHref={cursor ? href({}) : null} nextHref={page.nextCursor ? href({ cursor: page.nextCursor }) : null} />
    </div>
  );
}
