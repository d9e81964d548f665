import "server-only";
import { and, desc, eq, inArray, lt } from "drizzle-orm";
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
import { CHECK_IDS } from "../verification/types";
import { approvalBlocker } from "./approvability";
import { remediationOf } from "./remediation";
import { compareAttempts, type AttemptChanges, type AttemptValues } from "./changes";

/**
 * Everything the submission detail page shows, as plain data: never a ciphertext, key
 * id or secret; only the secret's three-character hint.
 */

export type CheckView = {
  id: string;
  status: string;
  reason: string | null;
  title: string;
  detail: string | null;
  guideAnchor: string | null;
  microsoft: { code: string; requestId: string | null; timestamp: string | null } | null;
  durationMs: number | null;
  data: unknown;
  /** How to fix it, for a check that did not pass. */
  remediation: { title: string; detail: string; guideAnchor?: string } | null;
};

export type RunView = {
  id: string;
  trigger: string;
  triggeredBy: string | null;
  outcome: string;
  startedAt: Date;
  finishedAt: Date | null;
  durationMs: number | null;
  checks: CheckView[];
};

export type AttemptView = AttemptValues & {
  id: string;
  number: number;
  status: string;
  createdAt: Date;
  submitterPhone: string | null;
  secretStored: boolean;
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
  secretHint: submissionAttempts.secretHint,
  submitterName: submissionAttempts.submitterName,
  submitterEmail: submissionAttempts.submitterEmail,
  submitterPhone: submissionAttempts.submitterPhone,
  secretDestroyedAt: submissionAttempts.secretDestroyedAt,
  secretKeyId: submissionAttempts.secretKeyId,
};

function selectAttempts(tx: Executor, brokerageId: string) {
  return tx.select(attemptColumns).from(submissionAttempts).where(eq(submissionAttempts.brokerageId, brokerageId)).orderBy(desc(submissionAttempts.number));
}

function toAttemptView(row: Awaited<ReturnType<typeof selectAttempts>>[number]): AttemptView {
  const { secretDestroyedAt, secretKeyId, ...rest } = row;
  return { ...rest, secretStored: !secretDestroyedAt && Boolean(secretKeyId) };
}

const checkOrder = (id: string) => {
  const index = (CHECK_IDS as readonly string[]).indexOf(id);
  return index === -1 ? CHECK_IDS.length : index;
};

/** Runs of the given attempts, newest first, each with its checks in contract order. */
export async function loadRuns(tx: Executor, attemptIds: string[]): Promise<Map<string, RunView[]>> {
  const byAttempt = new Map<string, RunView[]>();
  if (!attemptIds.length) return byAttempt;
  const runs = await tx
    .select()
    .from(verificationRuns)
    .where(inArray(verificationRuns.attemptId, attemptIds))
    .orderBy(desc(verificationRuns.startedAt));
  const checks = runs.length
    ? await tx.select().from(checkResults).where(inArray(checkResults.runId, runs.map((r) => r.id)))
    : [];
  const checksByRun = new Map<string, CheckView[]>();
  for (const c of checks) {
    const list = checksByRun.get(c.runId) ?? [];
    list.push({
      id: c.checkId,
      status: c.status,
      reason: c.reason,
      title: c.title,
      detail: c.detail,
      guideAnchor: c.guideAnchor,
      microsoft: c.microsoftCode ? { code: c.microsoftCode, requestId: c.microsoftRequestId, timestamp: c.microsoftTimestamp } : null,
      durationMs: c.durationMs,
      data: c.data,
      remediation: ["fail", "warn", "error"].includes(c.status) ? remediationOf(c) : null,
    });
    checksByRun.set(c.runId, list);
  }
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
      checks: (checksByRun.get(r.id) ?? []).sort((a, b) => checkOrder(a.id) - checkOrder(b.id)),
    });
    byAttempt.set(r.attemptId, list);
  }
  return byAttempt;
}

const latestFinished = (runs: RunView[] | undefined) => runs?.find((r) => r.outcome !== "running") ?? null;
const checkMap = (run: RunView | null) => new Map((run?.checks ?? []).map((c) => [c.id, c.status]));

export async function getSubmissionDetail(attemptId: string, now = new Date()) {
  const executor = db();
  const [head] = await executor
    .select({ brokerageId: submissionAttempts.brokerageId })
    .from(submissionAttempts)
    .where(eq(submissionAttempts.id, attemptId));
  if (!head) return null;
  const brokerageId = head.brokerageId;

  const [brokerage, attemptRows, approvals, noteRows, requests, history] = await Promise.all([
    executor.query.brokerages.findFirst({ where: eq(brokerages.id, brokerageId) }),
    selectAttempts(executor, brokerageId),
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
      .where(eq(credentialApprovals.brokerageId, brokerageId))
      .orderBy(desc(credentialApprovals.approvedAt)),
    executor.select().from(notes).where(eq(notes.brokerageId, brokerageId)).orderBy(desc(notes.createdAt)).limit(100),
    executor
      .select()
      .from(changeRequests)
      .where(eq(changeRequests.brokerageId, brokerageId))
      .orderBy(desc(changeRequests.createdAt))
      .limit(50),
    executor
      .select({
        id: auditEvents.id,
        at: auditEvents.at,
        actorType: auditEvents.actorType,
        actorId: auditEvents.actorId,
        action: auditEvents.action,
        detail: auditEvents.detail,
      })
      .from(auditEvents)
      .where(eq(auditEvents.brokerageId, brokerageId))
      .orderBy(desc(auditEvents.at))
      .limit(30),
  ]);
  if (!brokerage) return null;

  const attempts = attemptRows.map(toAttemptView);
  const attempt = attempts.find((a) => a.id === attemptId)!;
  const previous = attempts.find((a) => a.number < attempt.number) ?? null;
  const runsByAttempt = await loadRuns(executor, previous ? [attempt.id, previous.id] : [attempt.id]);
  const runs = runsByAttempt.get(attempt.id) ?? [];
  const latestRun = latestFinished(runs) ?? runs[0] ?? null;

  const changes: AttemptChanges | null = previous
    ? compareAttempts(
        { number: previous.number, values: previous, checks: checkMap(latestFinished(runsByAttempt.get(previous.id))) },
        { values: attempt, checks: checkMap(latestFinished(runs)) },
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

/** The latest finished run of an attempt, for actions that must decide on it inside their transaction. */
export async function latestFinishedRun(tx: Executor, attemptId: string) {
  const [run] = await tx
    .select({ id: verificationRuns.id, outcome: verificationRuns.outcome, finishedAt: verificationRuns.finishedAt, startedAt: verificationRuns.startedAt })
    .from(verificationRuns)
    .where(eq(verificationRuns.attemptId, attemptId))
    .orderBy(desc(verificationRuns.startedAt))
    .limit(1);
  return run ?? null;
}

/** The run finished before `before` whose outcome decided something (verified or failed). */
export async function previousDecisiveRun(tx: Executor, attemptId: string, before: Date) {
  const [run] = await tx
    .select({ id: verificationRuns.id, outcome: verificationRuns.outcome })
    .from(verificationRuns)
    .where(
      and(
        eq(verificationRuns.attemptId, attemptId),
        lt(verificationRuns.startedAt, before),
        inArray(verificationRuns.outcome, ["verified", "failed"]),
      ),
    )
    .orderBy(desc(verificationRuns.startedAt))
    .limit(1);
  return run ?? null;
}
