import "server-only";
import { and, desc, eq, gt, inArray, isNotNull, notExists, sql } from "drizzle-orm";
import type { Logger } from "pino";
import { inAuditedTransaction } from "../audit/change";
import type { AuditActor } from "../audit/record";
import { SecretUnavailableError } from "../crypto/secret-box";
import { db } from "../db/client";
import { brokerageAgents, brokerages, readinessResults, readinessRuns, submissionAttempts } from "../db/schema";
import type { RequestOrigin } from "../http/request-facts";
import { enqueue } from "../jobs/queue";
import { logger as rootLogger } from "../logger";
import { configuredEndpoints, type MicrosoftEndpoints } from "../microsoft/endpoints";
import { RetryBudget } from "../microsoft/http";
import { openCredential, storedCredentialOf } from "../runs/credentials";
import { DEFAULT_TIMEOUTS } from "../verification/policy";
import { openReadinessProvider } from "./open-provider";
import { checkMailboxes } from "./pool";
import type { MailboxVerdict } from "./provider";
import { alertReadinessRegression } from "./regression";

/**
 * One readiness check of a brokerage's agents (DESIGN §11), run as a job. The run row
 * is made first; the job streams the agents still without a result in this run (keyset
 * by address, a page at a time), probes them, and stores each round trip's verdicts as
 * they come in one statement (result, agent, counters), so a killed worker's retry
 * continues where it stopped and no finished mailbox is asked again.
 */

export const READINESS_CHECK_JOB = "readiness.check";

/** Waiting on Retry-After for the whole run, whatever its size. */
export const READINESS_RETRY_BUDGET_MS = 30_000;
const PAGE = 500;

export type ReadinessTrigger = "recheck" | "scheduled";
export type ReadinessScope = "all" | "failing";

/** The credential readiness signs in with: the approved one, else the newest verified. */
export async function readinessCredentialOf(brokerageId: string) {
  const [row] = await db()
    .select()
    .from(submissionAttempts)
    .where(and(eq(submissionAttempts.brokerageId, brokerageId), inArray(submissionAttempts.status, ["approved", "verified"]), isNotNull(submissionAttempts.secretCiphertext)))
    .orderBy(sql`${submissionAttempts.status} = 'approved' desc`, desc(submissionAttempts.createdAt))
    .limit(1);
  return row ?? null;
}

const inScope = (brokerageId: string, scope: ReadinessScope) =>
  and(eq(brokerageAgents.brokerageId, brokerageId), scope === "failing" ? inArray(brokerageAgents.status, ["not-ready", "unknown", "unchecked"]) : undefined);

/** Creates the run and queues its job; returns the run id. */
export async function requestReadinessCheck(
  brokerageId: string,
  request: { scope: ReadinessScope; trigger: ReadinessTrigger; actor: AuditActor; triggeredBy: string | null; origin?: Partial<RequestOrigin> | null },
  options: { enqueueJob?: boolean } = {},
): Promise<string> {
  const runId = await inAuditedTransaction(request.actor, request.origin ?? null, async ({ tx, audit }) => {
    const [{ total }] = (await tx.select({ total: sql<number>`count(*)::int` }).from(brokerageAgents).where(inScope(brokerageId, request.scope))) as [{ total: number }];
    const [run] = await tx
      .insert(readinessRuns)
      .values({ brokerageId, scope: request.scope, trigger: request.trigger, triggeredBy: request.triggeredBy, total })
      .returning({ id: readinessRuns.id });
    await audit({ action: "readiness.requested", subject: { type: "brokerage", id: brokerageId }, brokerageId, detail: { runId: run!.id, scope: request.scope, total } });
    return run!.id;
  });
  if (options.enqueueJob !== false) await enqueue(READINESS_CHECK_JOB, { runId }, { singletonKey: runId });
  return runId;
}

/** The agents of the run still without a result, a page at a time. */
async function* pendingAddresses(runId: string, brokerageId: string, scope: ReadinessScope): AsyncGenerator<string> {
  let after = "";
  for (;;) {
    const page = await db()
      .select({ address: brokerageAgents.address })
      .from(brokerageAgents)
      .where(
        and(
          inScope(brokerageId, scope),
          gt(brokerageAgents.address, after),
          notExists(db().select({ one: sql`1` }).from(readinessResults).where(and(eq(readinessResults.runId, runId), eq(readinessResults.agentId, brokerageAgents.id)))),
        ),
      )
      .orderBy(brokerageAgents.address)
      .limit(PAGE);
    for (const row of page) yield row.address;
    if (page.length < PAGE) return;
    after = page[page.length - 1]!.address;
  }
}

/** One round trip's verdicts: results (first one wins), the agents' latest state and the run's counters, in one statement. */
async function storeVerdicts(runId: string, brokerageId: string, verdicts: MailboxVerdict[]) {
  const values = sql.join(
    verdicts.map((v) => sql`(${v.address}::text, ${v.status}::readiness_status, ${v.reason ?? null}::text, ${v.microsoftCode ?? null}::text)`),
    sql`, `,
  );
  await db().execute(sql`
    with v(address, status, reason, code) as (values ${values}),
    ins as (
      insert into readiness_results (run_id, agent_id, status, reason, microsoft_code)
      select ${runId}::uuid, a.id, v.status, v.reason, v.code
      from v join brokerage_agents a on a.brokerage_id = ${brokerageId}::uuid and a.address = v.address
      on conflict do nothing
      returning agent_id, status, reason, microsoft_code
    ),
    upd as (
      update brokerage_agents a
      set status = ins.status, reason = ins.reason, microsoft_code = ins.microsoft_code, checked_at = now(), last_run_id = ${runId}::uuid
      from ins where a.id = ins.agent_id
      returning a.id
    )
    update readiness_runs
    set checked = checked + (select count(*) from upd),
        ready = ready + (select count(*) from ins where status = 'ready')
    where id = ${runId}::uuid`);
}

async function finish(runId: string, values: { status: "finished" | "failed"; reason?: string }) {
  await db()
    .update(readinessRuns)
    .set({ status: values.status, reason: values.reason ?? null, finishedAt: new Date() })
    .where(eq(readinessRuns.id, runId));
}

export type ReadinessRunOptions = { endpoints?: MicrosoftEndpoints; logger?: Logger; lanes?: number; retryBudgetMs?: number };

/** The job: signs in once, probes every pending agent, settles the run. Safe to run again after a crash. */
export async function runReadinessCheck(runId: string, options: ReadinessRunOptions = {}): Promise<"finished" | "failed" | "gone"> {
  const log = (options.logger ?? rootLogger()).child({ readinessRun: runId });
  const [run] = await db().select().from(readinessRuns).where(eq(readinessRuns.id, runId));
  if (!run) return "gone";
  if (run.status === "finished" || run.status === "failed") return run.status;
  const attempt = await readinessCredentialOf(run.brokerageId);
  const stored = attempt && storedCredentialOf(attempt);
  if (!attempt || !stored) {
    await finish(runId, { status: "failed", reason: "no-verified-credential" });
    return "failed";
  }
  await db()
    .update(readinessRuns)
    .set({ status: "running", attemptId: attempt.id, startedAt: run.startedAt ?? new Date() })
    .where(eq(readinessRuns.id, runId));

  let credential;
  try {
    credential = await inAuditedTransaction({ type: "system", id: "readiness" }, null, (change) =>
      openCredential(change, stored, { brokerageId: run.brokerageId, detail: { readinessRunId: runId } }),
    );
  } catch (error) {
    if (!(error instanceof SecretUnavailableError)) throw error;
    log.error({ attemptId: attempt.id, problem: error.message }, "stored credential could not be opened");
    await finish(runId, { status: "failed", reason: "credential-unavailable" });
    return "failed";
  }
  const budget = new RetryBudget(options.retryBudgetMs ?? READINESS_RETRY_BUDGET_MS);
  const opened = await openReadinessProvider(
    { tenantId: attempt.tenantId, clientId: attempt.clientId, method: stored.method, credential },
    { endpoints: options.endpoints ?? configuredEndpoints(), policy: { timeoutMs: DEFAULT_TIMEOUTS.requestMs, budget }, logger: log },
  );
  if (!opened.ok) {
    await finish(runId, { status: "failed", reason: opened.reason });
    return "failed";
  }
  const provider = opened.provider;
  await checkMailboxes(pendingAddresses(runId, run.brokerageId, run.scope), {
    provider,
    budget,
    lanes: options.lanes,
    onVerdicts: (verdicts) => storeVerdicts(runId, run.brokerageId, verdicts),
  });
  await finish(runId, { status: "finished" });
  log.info({ brokerageId: run.brokerageId }, "readiness check finished");
  if (run.trigger === "scheduled") await alertReadinessRegression(runId);
  return "finished";
}

/** After the scheduled re-verification: the brokerage's agents are checked again, when it has any. */
export async function scheduleReadinessRecheck(brokerageId: string): Promise<string | null> {
  const [agent] = await db().select({ id: brokerageAgents.id }).from(brokerageAgents).where(eq(brokerageAgents.brokerageId, brokerageId)).limit(1);
  const [brokerage] = await db().select({ id: brokerages.id }).from(brokerages).where(eq(brokerages.id, brokerageId));
  if (!agent || !brokerage) return null;
  return requestReadinessCheck(brokerageId, { scope: "all", trigger: "scheduled", actor: { type: "system", id: "reverify" }, triggeredBy: null });
}
