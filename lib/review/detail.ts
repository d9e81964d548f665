import "server-only";
import { and, desc, eq, inArray, lt, sql } from "drizzle-orm";
import { db, type Executor } from "../db/client";
import {
  auditEvents,
  brokerages,
  changeRequests,
  checkResults,
  credentialApprovals,
  notes,
  submissionAttempts,
  verificationRuns,
} from "../db/schema";
import { isFinished, recordedChecksOf, type RecordedCheck } from "../runs/check-rows";
import { remediationOf } from "../runs/remediation";
import type { RunCheckView, RunView } from "../runs/views";
import { approvalBlocker } from "./approvability";
import { compareAttempts, type AttemptChanges, type AttemptValues } from "./changes";

/**
 * Everything the submission detail page shows, as plain data: never a ciphertext, key
 * id or secret; only the secret's three-character hint.
 */

export type AttemptView = AttemptValues & {
  id: string;
  number: number;
  status: string;
  createdAt: Date;
  submitterPhone: string | null;
  secretStored: boolean;
  /** How the app signs in; with a certificate its thumbprint and expiry (the private key is never shown). */
  credentialMethod: "client-secret" | "certificate" | "vendor-app";
  certificateThumbprint: string | null;
  certificateNotAfter: Date | null;
};

const attemptColumns = {
  id: submissionAttempts.id,
  number: submissionAttempts.number,
  status: submissionAttempts.status,
  createdAt: submissionAttempts.createdAt,
  tenantId: submissionAttempts.tenantId,
  clientId: submissionAttempts.clientId,
  testMailbox: submissionAttempts.testMailbox,
  secretExpiresOn: submissionAttempts.secretExpiresOn,
  sendTestMessage: submissionAttempts.sendTestMessage,
  accessScope: submissionAttempts.accessScope,
  outsideMailbox: submissionAttempts.outsideMailbox,
  secretHint: submissionAttempts.secretHint,
  submitterName: submissionAttempts.submitterName,
  submitterEmail: submissionAttempts.submitterEmail,
  submitterPhone: submissionAttempts.submitterPhone,
  secretDestroyedAt: submissionAttempts.secretDestroyedAt,
  secretKeyId: submissionAttempts.secretKeyId,
  credentialMethod: submissionAttempts.credentialMethod,
  certificateThumbprint: submissionAttempts.certificateThumbprint,
  certificateNotAfter: submissionAttempts.certificateNotAfter,
};

type AttemptRow = Pick<typeof submissionAttempts.$inferSelect, keyof typeof attemptColumns>;

function toAttemptView(row: AttemptRow): AttemptView {
  const { secretDestroyedAt, secretKeyId, ...rest } = row;
  return { ...rest, secretStored: !secretDestroyedAt && (Boolean(secretKeyId) || rest.credentialMethod === "vendor-app") };
}

/** A recorded check as the staff see it: every field, with the fix for anything that did not pass. */
function runCheckView(check: RecordedCheck): RunCheckView {
  return {
    id: check.id,
    status: check.status,
    reason: check.reason ?? null,
    title: check.title,
    detail: check.detail || null,
    guideAnchor: check.guideAnchor ?? null,
    microsoft: check.microsoft ? { code: check.microsoft.code, requestId: check.microsoft.requestId ?? null, timestamp: check.microsoft.timestamp ?? null } : null,
    durationMs: isFinished(check) ? check.durationMs : null,
    data: check.data ?? null,
    remediation: ["fail", "warn", "error"].includes(check.status) ? remediationOf(check) : null,
  };
}

type RunRow = typeof verificationRuns.$inferSelect;

/** Runs with their checks in contract order, keyed by attempt; newest first as given. */
async function withChecks(tx: Executor, runs: RunRow[]): Promise<Map<string, RunView[]>> {
  const byAttempt = new Map<string, RunView[]>();
  const checks = runs.length ? await tx.select().from(checkResults).where(inArray(checkResults.runId, runs.map((r) => r.id))) : [];
  const rowsByRun = new Map<string, typeof checks>();
  for (const c of checks) rowsByRun.set(c.runId, [...(rowsByRun.get(c.runId) ?? []), c]);
  for (const r of runs) {
    const list = byAttempt.get(r.attemptId) ?? [];
    list.push({
      id: r.id,
      trigger: r.trigger,
      triggeredBy: r.triggeredBy,
      outcome: r.outcome,
      startedAt: r.startedAt,
      finishedAt: r.finishedAt,
      durationMs: r.durationMs,
      checks: recordedChecksOf(rowsByRun.get(r.id) ?? []).map(runCheckView),
    });
    byAttempt.set(r.attemptId, list);
  }
  return byAttempt;
}

/** One run with its checks. */
export async function loadRun(tx: Executor, runId: string): Promise<RunView | null> {
  const runs = await tx.select().from(verificationRuns).where(eq(verificationRuns.id, runId));
  return [...(await withChecks(tx, runs)).values()][0]?.[0] ?? null;
}

/** An approved attempt gains a run every day; the page shows the latest of them. */
export const DETAIL_RUNS = 10;

const checkMap = (run: RunView | null) => new Map((run?.checks ?? []).map((c) => [c.id, c.status]));

/**
 * The detail page's data in two rounds of queries: everything keyed by the attempt or
 * its brokerage at once (sub-selects find the brokerage and the previous attempt), then
 * the checks of the runs shown.
 */
export async function getSubmissionDetail(attemptId: string, now = new Date()) {
  const executor = db();
  const brokerageOf = executor.select({ id: submissionAttempts.brokerageId }).from(submissionAttempts).where(eq(submissionAttempts.id, attemptId));
  const previousAttempt = executor
    .select({ id: submissionAttempts.id })
    .from(submissionAttempts)
    .where(
      and(
        inArray(submissionAttempts.brokerageId, brokerageOf),
        lt(submissionAttempts.number, executor.select({ n: submissionAttempts.number }).from(submissionAttempts).where(eq(submissionAttempts.id, attemptId))),
      ),
    )
    .orderBy(desc(submissionAttempts.number))
    .limit(1);

  const [brokerageRows, attemptRows, approvals, noteRows, requests, history, runRows, previousRunRows] = await Promise.all([
    executor.select().from(brokerages).where(inArray(brokerages.id, brokerageOf)),
    executor.select(attemptColumns).from(submissionAttempts).where(inArray(submissionAttempts.brokerageId, brokerageOf)).orderBy(desc(submissionAttempts.number)),
    executor
      .select({
        id: credentialApprovals.id,
        attemptId: credentialApprovals.attemptId,
        approvedAt: credentialApprovals.approvedAt,
        approvedBy: credentialApprovals.approvedBy,
        regressedAt: credentialApprovals.regressedAt,
        endedAt: credentialApprovals.endedAt,
        endedBy: credentialApprovals.endedBy,
        endReason: credentialApprovals.endReason,
      })
      .from(credentialApprovals)
      .where(inArray(credentialApprovals.brokerageId, brokerageOf))
      .orderBy(desc(credentialApprovals.approvedAt)),
    executor.select().from(notes).where(inArray(notes.brokerageId, brokerageOf)).orderBy(desc(notes.createdAt)).limit(100),
    executor.select().from(changeRequests).where(inArray(changeRequests.brokerageId, brokerageOf)).orderBy(desc(changeRequests.createdAt)).limit(50),
    executor
      .select({ id: auditEvents.id, at: auditEvents.at, actorType: auditEvents.actorType, actorId: auditEvents.actorId, action: auditEvents.action, detail: auditEvents.detail })
      .from(auditEvents)
      .where(inArray(auditEvents.brokerageId, brokerageOf))
      .orderBy(desc(auditEvents.at))
      .limit(30),
    executor.select().from(verificationRuns).where(eq(verificationRuns.attemptId, attemptId)).orderBy(desc(verificationRuns.startedAt)).limit(DETAIL_RUNS + 1),
    executor
      .select()
      .from(verificationRuns)
      .where(and(inArray(verificationRuns.attemptId, previousAttempt), sql`${verificationRuns.outcome} <> 'running'`))
      .orderBy(desc(verificationRuns.startedAt))
      .limit(1),
  ]);
  const brokerage = brokerageRows[0];
  const attempts = attemptRows.map(toAttemptView);
  const attempt = attempts.find((a) => a.id === attemptId);
  if (!brokerage || !attempt) return null;

  const shownRuns = runRows.slice(0, DETAIL_RUNS);
  const runsByAttempt = await withChecks(executor, [...shownRuns, ...previousRunRows]);
  const runs = runsByAttempt.get(attempt.id) ?? [];
  const latestRun = runs.find((r) => r.outcome !== "running") ?? runs[0] ?? null;
  const previous = attempts.find((a) => a.number < attempt.number) ?? null;
  const changes: AttemptChanges | null = previous
    ? compareAttempts(
        { number: previous.number, values: previous, checks: checkMap(runsByAttempt.get(previous.id)?.[0] ?? null) },
        { values: attempt, checks: checkMap(runs.find((r) => r.outcome !== "running") ?? null) },
      )
    : null;
  const active = approvals.find((a) => !a.endedAt) ?? null;

  return {
    brokerage: {
      id: brokerage.id,
      name: brokerage.name,
      emailDomain: brokerage.emailDomain,
      stage: brokerage.stage,
      stageChangedAt: brokerage.stageChangedAt,
      csmId: brokerage.csmId,
    },
    attempt,
    attempts,
    runs,
    moreRuns: runRows.length > DETAIL_RUNS,
    latestRun,
    changes,
    activeApproval: active && { ...active, attemptNumber: attempts.find((a) => a.id === active.attemptId)?.number ?? null },
    approvals,
    approvalBlocker: approvalBlocker({ status: attempt.status, secretStored: attempt.secretStored, latestRun: runs[0] ?? null }, now),
    changeRequests: requests.map((r) => ({
      id: r.id,
      attemptId: r.attemptId,
      requestedBy: r.requestedBy,
      checkIds: r.checkIds,
      message: r.message,
      createdAt: r.createdAt,
    })),
    notes: noteRows.map((n) => ({ id: n.id, authorId: n.authorId, body: n.body, createdAt: n.createdAt })),
    history,
  };
}

export type SubmissionDetail = NonNullable<Awaited<ReturnType<typeof getSubmissionDetail>>>;

/** An attempt's latest run (possibly still running), for actions that decide on it inside their transaction. */
export async function latestRunOf(tx: Executor, attemptId: string) {
  const [run] = await tx
    .select({ id: verificationRuns.id, outcome: verificationRuns.outcome, finishedAt: verificationRuns.finishedAt, startedAt: verificationRuns.startedAt })
    .from(verificationRuns)
    .where(eq(verificationRuns.attemptId, attemptId))
    .orderBy(desc(verificationRuns.startedAt))
    .limit(1);
  return run ?? null;
}

export async function brokerageOfAttempt(attemptId: string): Promise<string | null> {
  const [row] = await db().select({ id: submissionAttempts.brokerageId }).from(submissionAttempts).where(eq(submissionAttempts.id, attemptId));
  return row?.id ?? null;
}
