import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { db } from "../db/client";
import type { ProviderBranch } from "../providers/describe";
import { PIPELINE_STAGES, type PipelineStage } from "./stages";

/**
 * The onboarding pipeline: every brokerage with the stage it is really in. A brokerage
 * invited or opened whose every link has expired or been revoked shows as "expired"
 * at once, computed here rather than stored, so no job has to catch up first.
 */

/** A detected email provider branch, or "unchecked" for brokerages not looked up yet. */
export type ProviderFilter = ProviderBranch | "unchecked";

export type PipelineFilters = { stage?: PipelineStage; csm?: string; q?: string; provider?: ProviderFilter; page?: number };

export type PipelineRow = {
  id: string;
  name: string;
  emailDomain: string | null;
  csmName: string | null;
  stage: PipelineStage;
  stageSince: Date;
  recipientEmail: string | null;
};

export const PIPELINE_PAGE_SIZE = 50;

const pipeline = sql`
  with latest as (
    select distinct on (i.brokerage_id) i.brokerage_id, i.recipient_email, i.expires_at, i.revoked_at
    from invites i
    order by i.brokerage_id, i.created_at desc
  ),
  usable as (
    select distinct i.brokerage_id from invites i where i.revoked_at is null and i.expires_at > now()
  ),
  p as (
    select b.id, b.name, b.email_domain, b.csm_id, b.email_provider, csm.name as csm_name, latest.recipient_email,
      case when b.stage in ('invited', 'opened') and usable.brokerage_id is null then 'expired' else b.stage::text end as stage,
      case when b.stage in ('invited', 'opened') and usable.brokerage_id is null
        then coalesce(least(latest.revoked_at, latest.expires_at), b.stage_changed_at)
        else b.stage_changed_at end as stage_since
    from brokerages b
    left join users csm on csm.id = b.csm_id
    left join latest on latest.brokerage_id = b.id
    left join usable on usable.brokerage_id = b.id
  )`;

const likePattern = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

function conditions(filters: PipelineFilters, withStage: boolean): SQL {
  const parts: SQL[] = [sql`true`];
  if (withStage && filters.stage) parts.push(sql`p.stage = ${filters.stage}`);
  if (filters.csm === "none") parts.push(sql`p.csm_id is null`);
  else if (filters.csm) parts.push(sql`p.csm_id = ${filters.csm}`);
  if (filters.provider === "unchecked") parts.push(sql`p.email_provider is null`);
  else if (filters.provider) parts.push(sql`p.email_provider = ${filters.provider}`);
  const q = filters.q?.trim();
  if (q) {
    const pattern = likePattern(q);
    parts.push(sql`(p.name ilike ${pattern} or p.email_domain ilike ${pattern}
      or exists (select 1 from invites s where s.brokerage_id = p.id and s.recipient_email ilike ${pattern}))`);
  }
  return sql.join(parts, sql` and `);
}

/** How many brokerages are in each stage, under the same CSM and search filters as the list. */
export async function stageCounts(filters: PipelineFilters): Promise<Record<PipelineStage, number>> {
  const rows = await db().execute<{ stage: PipelineStage; count: string }>(
    sql`${pipeline} select p.stage, count(*)::text as count from p where ${conditions(filters, false)} group by p.stage`,
  );
  const counts = Object.fromEntries(PIPELINE_STAGES.map((s) => [s, 0])) as Record<PipelineStage, number>;
  for (const row of rows) counts[row.stage] = Number(row.count);
  return counts;
}

/** One page of the pipeline, longest-waiting first, since that is where attention goes. */
export async function listPipeline(filters: PipelineFilters): Promise<{ rows: PipelineRow[]; total: number; page: number; pages: number }> {
  const page = Math.max(1, Math.floor(filters.page ?? 1));
  const rows = await db().execute<{
    id: string;
    name: string;
    email_domain: string | null;
    csm_name: string | null;
    stage: PipelineStage;
    stage_since: Date | string;
    recipient_email: string | null;
    total: string;
  }>(sql`${pipeline}
    select p.*, count(*) over ()::text as total from p
    where ${conditions(filters, true)}
    order by p.stage_since asc, p.name asc
    limit ${PIPELINE_PAGE_SIZE} offset ${(page - 1) * PIPELINE_PAGE_SIZE}`);
  const total = Number(rows[0]?.total ?? 0);
  return {
    rows: rows.map((r) => ({
      id: r.id,
      name: r.name,
      emailDomain: r.email_domain,
      csmName: r.csm_name,
      stage: r.stage,
      stageSince: new Date(r.stage_since),
      recipientEmail: r.recipient_email,
    })),
    total,
    page,
    pages: Math.max(1, Math.ceil(total / PIPELINE_PAGE_SIZE)),
  };
}
