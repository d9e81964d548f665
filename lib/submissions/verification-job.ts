import "server-only";
import { and, desc, eq, inArray } from "drizzle-orm";
import { recordAudit } from "../audit/record";
import { openSecret, SecretUnavailableError } from "../crypto/secret-box";
import { db, type Transaction } from "../db/client";
import { brokerages, checkResults, submissionAttempts, verificationRuns } from "../db/schema";
import type { QueueDefinition } from "../jobs/queue";
import { enqueue } from "../jobs/queue";
import { logger } from "../logger";
import { runVerification } from "../verification/run";
import { CHECK_IDS, type CheckResult, type VerificationReport } from "../verification/types";
import { notifyCsm } from "./notify-csm";
import { progressWriter, recordProgress, startRun } from "./record-run";
import { retryDelaySeconds } from "./retry-schedule";

/**
 * The `verification.run` job: verifies a submitted attempt against Microsoft,
 * writing each check's progress to PostgreSQL as it happens, then settles the
 * attempt, the brokerage's stage and the CSM's notification in one transaction.
 * Inconclusive runs are queued again with a growing delay (retry-schedule).
 */

export const VERIFICATION_RUN = "verification.run";

export type VerificationRunData = { attemptId: string; trigger: "submit" | "scheduled"; retry: number };

/** One queued or running job per attempt at a time (the queue's `stately` policy). */
export async function queueVerificationRun(data: VerificationRunData, delaySeconds?: number) {
  return enqueue(VERIFICATION_RUN, data, { singletonKey: data.attemptId, startAfterSeconds: delaySeconds });
}

export function verificationRunQueue(): QueueDefinition {
  return {
    name: VERIFICATION_RUN,
    handler: handleVerificationRun as QueueDefinition["handler"],
    policy: "stately",
    retryLimit: 2,
    retryDelaySeconds: 10,
    concurrency: 4,
  };
}

export async function handleVerificationRun(data: VerificationRunData) {
  const attempt = await db().query.submissionAttempts.findFirst({ where: eq(submissionAttempts.id, data.attemptId) });
  // Settled, replaced or destroyed attempts have nothing left to verify.
  if (!attempt?.secretCiphertext || !attempt.secretKeyId) return;
  if (attempt.status !== "verifying" && attempt.status !== "inconclusive") return;

  const started = await db().transaction(async (tx) => {
    // A run left "running" by a stopped worker ends as inconclusive; this one replaces it.
    await tx
      .update(verificationRuns)
      .set({ outcome: "inconclusive", finishedAt: new Date() })
      .where(and(eq(verificationRuns.attemptId, attempt.id), eq(verificationRuns.outcome, "running")));
    const runId = await startRun(tx, attempt.id, data.trigger);
    try {
      const secret = openSecret({ ciphertext: attempt.secretCiphertext!, keyId: attempt.secretKeyId! }, attempt.id);
      await recordAudit(tx, {
        actor: { type: "system", id: VERIFICATION_RUN },
        action: "secret.decrypted",
        subject: { type: "attempt", id: attempt.id },
        brokerageId: attempt.brokerageId,
        detail: { runId, purpose: "verification", trigger: data.trigger },
      });
      return { runId, secret };
    } catch (error) {
      if (!(error instanceof SecretUnavailableError)) throw error;
      return { runId, secret: null, problem: error.message };
    }
  });

  if (started.secret === null) {
    logger().error({ attemptId: attempt.id, problem: started.problem }, "stored secret could not be opened");
    await settle(started.runId, attempt, unreadableSecretReport());
    return;
  }

  const writer = progressWriter(started.runId);
  let report: VerificationReport;
  try {
    report = await runVerification(
      {
        tenantId: attempt.tenantId,
        clientId: attempt.clientId,
        clientSecret: started.secret,
        testMailbox: attempt.testMailbox,
        secretExpiresOn: attempt.secretExpiresOn,
        sendTestMessage: attempt.sendTestMessage,
      },
      { onProgress: (update) => writer.write(update) },
    );
  } catch (error) {
    // The runner reports Microsoft's failures itself; reaching here is a fault of ours.
    logger().error({ err: error, attemptId: attempt.id }, "verification run failed unexpectedly");
    await writer.flush().catch(() => undefined);
    report = await interruptedReport(started.runId);
  }
  await writer.flush();
  await settle(started.runId, attempt, report);

  if (report.outcome === "inconclusive") {
    const delay = retryDelaySeconds(data.retry);
    if (delay !== null) {
      await queueVerificationRun({ attemptId: attempt.id, trigger: "scheduled", retry: data.retry + 1 }, delay);
    }
  }
}

type AttemptRow = typeof submissionAttempts.$inferSelect;

async function settle(runId: string, attempt: AttemptRow, report: VerificationReport) {
  await db().transaction(async (tx) => {
    for (const check of report.checks) await recordProgress(tx, runId, check);
    // Checks the report left out (none, normally) must not stay "waiting" forever.
    const reported = new Set(report.checks.map((c) => c.id));
    const missing = CHECK_IDS.filter((id) => !reported.has(id));
    if (missing.length) {
      await tx
        .update(checkResults)
        .set({ status: "skipped", updatedAt: new Date() })
        .where(and(eq(checkResults.runId, runId), inArray(checkResults.checkId, missing)));
    }
    await tx
      .update(verificationRuns)
      .set({ outcome: report.outcome, finishedAt: new Date(report.finishedAt), durationMs: Math.round(report.durationMs) })
      .where(eq(verificationRuns.id, runId));

    // Only an attempt still waiting for its answer changes: not one replaced meanwhile.
    const changed = await tx
      .update(submissionAttempts)
      .set({ status: report.outcome })
      .where(and(eq(submissionAttempts.id, attempt.id), inArray(submissionAttempts.status, ["verifying", "inconclusive"])))
      .returning({ id: submissionAttempts.id });
    if (changed.length === 0) return;

    await recordAudit(tx, {
      actor: { type: "system", id: VERIFICATION_RUN },
      action: `attempt.${report.outcome}`,
      subject: { type: "attempt", id: attempt.id },
      brokerageId: attempt.brokerageId,
      detail: {
        runId,
        number: attempt.number,
        failing: report.checks.filter((c) => c.status === "fail" || c.status === "error").map((c) => ({ id: c.id, reason: c.reason })),
      },
    });
    if (report.outcome === "inconclusive" || !(await isLatestAttempt(tx, attempt))) return;
    const brokerage = await moveStage(tx, attempt.brokerageId, report.outcome);
    if (brokerage) await notifyCsm(tx, { brokerage, attempt, outcome: report.outcome, checks: report.checks });
  });
}

async function isLatestAttempt(tx: Transaction, attempt: AttemptRow) {
  const [latest] = await tx
    .select({ id: submissionAttempts.id })
    .from(submissionAttempts)
    .where(eq(submissionAttempts.brokerageId, attempt.brokerageId))
    .orderBy(desc(submissionAttempts.number))
    .limit(1);
  return latest?.id === attempt.id;
}

/** submitted → verified or failed; an approved brokerage keeps its stage. */
async function moveStage(tx: Transaction, brokerageId: string, outcome: "verified" | "failed") {
  const [brokerage] = await tx
    .update(brokerages)
    .set({ stage: outcome, stageChangedAt: new Date() })
    .where(and(eq(brokerages.id, brokerageId), inArray(brokerages.stage, ["opened", "submitted", "verified", "failed"])))
    .returning({ id: brokerages.id, name: brokerages.name, csmId: brokerages.csmId });
  if (brokerage) return brokerage;
  return tx.query.brokerages.findFirst({
    where: eq(brokerages.id, brokerageId),
    columns: { id: true, name: true, csmId: true },
  });
}

const OUR_FAULT = "Something went wrong on our side and it has been recorded for our team. You do not need to do anything.";

function errorReport(checks: CheckResult[]): VerificationReport {
  const now = new Date().toISOString();
  return { outcome: "inconclusive", startedAt: now, finishedAt: now, durationMs: 0, checks };
}

/** When the key ring no longer opens the secret: not the administrator's doing. */
function unreadableSecretReport(): VerificationReport {
  return errorReport(
    CHECK_IDS.map((id) => ({ id, status: "error", reason: "unexpected", title: "We could not read the stored secret", detail: OUR_FAULT, durationMs: 0 })),
  );
}

/** The run stopped on an unexpected fault: finished checks keep their results, the rest could not be decided. */
async function interruptedReport(runId: string): Promise<VerificationReport> {
  const rows = await db().select().from(checkResults).where(eq(checkResults.runId, runId));
  const finished = new Map(
    rows.filter((r) => r.status !== "pending" && r.status !== "running").map((r) => [r.checkId, r]),
  );
  return errorReport(
    CHECK_IDS.map((id): CheckResult => {
      const row = finished.get(id);
      if (!row) return { id, status: "error", reason: "unexpected", title: "This check could not finish", detail: OUR_FAULT, durationMs: 0 };
      return {
        id,
        status: row.status as CheckResult["status"],
        reason: (row.reason ?? undefined) as CheckResult["reason"],
        title: row.title,
        detail: row.detail ?? "",
        guideAnchor: row.guideAnchor ?? undefined,
        microsoft: row.microsoftCode
          ? { code: row.microsoftCode, requestId: row.microsoftRequestId ?? undefined, timestamp: row.microsoftTimestamp ?? undefined }
          : undefined,
        durationMs: row.durationMs ?? 0,
        data: (row.data ?? undefined) as CheckResult["data"],
      };
    }),
  );
}

/**
 * For the status page: an attempt still waiting with no run well after it was sent
 * lost its job (the queue was unreachable at submit); queue it again. The queue's
 * singleton key makes this a no-op when the job is in fact there.
 */
export async function ensureVerificationQueued(attempt: { id: string; status: string; createdAt: Date }, hasRun: boolean) {
  if (attempt.status !== "verifying" || hasRun || Date.now() - attempt.createdAt.getTime() < 30_000) return;
  await queueVerificationRun({ attemptId: attempt.id, trigger: "submit", retry: 0 }).catch((error: unknown) =>
    logger().error({ err: error, attemptId: attempt.id }, "could not queue verification"),
  );
}
