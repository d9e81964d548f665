import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { db } from "../db/client";
import { decodeCursor, encodeCursor, type Cursor } from "./cursor";
import { QUEUES, type QueueFilters, type QueueId, type QueuePage, type Stage } from "./queue-types";
import { toPrefixTsQuery } from "./search";

/**
 * The review queues. Each is a keyset-paginated list of attempts read straight from
 * the (status, created_at, id) index; the failing queue also holds approved credentials
 * whose re-verification regressed, ordered by when they regressed.
 */

export const QUEUE_PAGE_SIZE = 25;

function filterSql(filters: QueueFilters): SQL {
  const parts: SQL[] = [];
  if (filters.csm === "unassigned") parts.push(sql`b.csm_id is null`);
  else if (filters.csm) parts.push(sql`b.csm_id = ${filters.csm}`);
  if (filters.stage) parts.push(sql`b.stage = ${filters.stage}`);
  const query = filters.search ? toPrefixTsQuery(filters.search) : null;
  if (query) parts.push(sql`to_tsvector('simple', b.name) @@ to_tsquery('simple', ${query})`);
  return parts.length ? sql` and ${sql.join(parts, sql` and `)}` : sql``;
}

function keysetSql(column: SQL, cursor: Cursor | null, oldestFirst: boolean): SQL {
  if (!cursor) return sql``;
  const op = sql.raw(oldestFirst ? ">" : "<");
  return sql` and (${column}, a.id) ${op} (${cursor.since}::timestamptz, ${cursor.id}::uuid)`;
}

/** A search that leaves nothing searchable ("&!") matches nothing, rather than everything. */
function isEmptySearch(filters: QueueFilters) {
  return Boolean(filters.search?.trim()) && !toPrefixTsQuery(filters.search!);
}

export async function listQueue(
  queue: QueueId,
  filters: QueueFilters = {},
  options: { cursor?: string | null; limit?: number } = {},
): Promise<QueuePage> {
  if (isEmptySearch(filters)) return { rows: [], nextCursor: null };
  const { status, oldestFirst } = QUEUES[queue];
  const limit = Math.min(Math.max(options.limit ?? QUEUE_PAGE_SIZE, 1), 100);
  const cursor = decodeCursor(options.cursor);
  const dir = sql.raw(oldestFirst ? "asc" : "desc");
  const where = filterSql(filters);

  const byStatus = sql`(select a.id, a.created_at as since
      from submission_attempts a join brokerages b on b.id = a.brokerage_id
      where a.status = ${status}${where}${keysetSql(sql`a.created_at`, cursor, oldestFirst)}
      order by a.created_at ${dir}, a.id ${dir} limit ${limit + 1})`;
  const regressions = sql`(select a.id, ap.regressed_at as since
      from credential_approvals ap
      join submission_attempts a on a.id = ap.attempt_id
      join brokerages b on b.id = ap.brokerage_id
      where ap.ended_at is null and ap.regressed_at is not null${where}${keysetSql(sql`ap.regressed_at`, cursor, oldestFirst)}
      order by ap.regressed_at ${dir}, a.id ${dir} limit ${limit + 1})`;
  const candidates = queue === "failing" ? sql`${byStatus} union all ${regressions}` : byStatus;

  const rows = await db().execute<{
    attempt_id: string;
    attempt_number: number;
    brokerage_id: string;
    brokerage_name: string;
    csm_id: string | null;
    stage: Stage;
    status: string;
    submitted_at: string;
    since: string;
    since_text: string;
    regressed: boolean;
    run_outcome: string | null;
    run_finished_at: string | null;
    run_trigger: string | null;
    problems: string[] | null;
    warnings: string[] | null;
    changes_requested_at: string | null;
  }>(sql`
    with page as (
      select * from (${candidates}) c order by c.since ${dir}, c.id ${dir} limit ${limit + 1}
    )
    select a.id as attempt_id, a.number as attempt_number, b.id as brokerage_id, b.name as brokerage_name,
      b.csm_id, b.stage, a.status, a.created_at as submitted_at, p.since, p.since::text as since_text, (ap.regressed_at is not null) as regressed,
      r.outcome as run_outcome, r.finished_at as run_finished_at, r.trigger as run_trigger,
      f.problems, f.warnings, cr.created_at as changes_requested_at
    from page p
    join submission_attempts a on a.id = p.id
    join brokerages b on b.id = a.brokerage_id
    left join credential_approvals ap on ap.attempt_id = a.id and ap.ended_at is null
    left join lateral (
      select id, outcome, finished_at, trigger from verification_runs
      where attempt_id = a.id order by started_at desc limit 1
    ) r on true
    left join lateral (
      select array_agg(distinct coalesce(reason, check_id)) filter (where status in ('fail', 'error')) as problems,
        array_agg(distinct coalesce(reason, check_id)) filter (where status = 'warn') as warnings
      from check_results
      where run_id = r.id and status in ('fail', 'error', 'warn')
    ) f on true
    left join lateral (
      select created_at from change_requests where attempt_id = a.id order by created_at desc limit 1
    ) cr on true
    order by p.since ${dir}, p.id ${dir}`);

  const list = [...rows];
  const hasMore = list.length > limit;
  const shown = list.slice(0, limit);
  const last = shown.at(-1);
  return {
    rows: shown.map((r) => ({
      attemptId: r.attempt_id,
      attemptNumber: r.attempt_number,
      brokerageId: r.brokerage_id,
      brokerageName: r.brokerage_name,
      csmId: r.csm_id,
      stage: r.stage,
      status: r.status,
      submittedAt: new Date(r.submitted_at),
      since: new Date(r.since),
      regressed: r.regressed,
      latestRun: r.run_outcome ? { outcome: r.run_outcome, finishedAt: r.run_finished_at ? new Date(r.run_finished_at) : null, trigger: r.run_trigger! } : null,
      problems: r.problems ?? [],
      warnings: r.warnings ?? [],
      changesRequestedAt: r.changes_requested_at ? new Date(r.changes_requested_at) : null,
    })),
    nextCursor: hasMore && last ? encodeCursor({ since: last.since_text, id: last.attempt_id }) : null,
  };
}

/** How many rows each queue holds under the same filters (for the tabs). */
export async function countQueues(filters: QueueFilters = {}): Promise<Record<QueueId, number>> {
  const counts: Record<QueueId, number> = { "needs-review": 0, failing: 0, inconclusive: 0, approved: 0 };
  if (isEmptySearch(filters)) return counts;
  const filtered = Boolean(filters.csm || filters.stage || filters.search?.trim());
  const where = filterSql(filters);
  // Unfiltered, the counts come from the status index alone; filters need the brokerage.
  const from = filtered ? sql`submission_attempts a join brokerages b on b.id = a.brokerage_id` : sql`submission_attempts a`;
  const regressedFrom = filtered
    ? sql`credential_approvals ap join brokerages b on b.id = ap.brokerage_id`
    : sql`credential_approvals ap`;
  const rows = await db().execute<{ status: string; count: number }>(sql`
    select a.status::text as status, count(*)::int as count from ${from}
    where a.status in ('verified', 'failed', 'inconclusive', 'approved')${where}
    group by a.status
    union all
    select 'regressed', count(*)::int from ${regressedFrom}
    where ap.ended_at is null and ap.regressed_at is not null${where}`);
  const by = new Map([...rows].map((r) => [r.status, r.count]));
  return {
    "needs-review": by.get("verified") ?? 0,
    failing: (by.get("failed") ?? 0) + (by.get("regressed") ?? 0),
    inconclusive: by.get("inconclusive") ?? 0,
    approved: by.get("approved") ?? 0,
  };
}
