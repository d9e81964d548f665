import "server-only";
import { and, desc, eq, inArray, lt } from "drizzle-orm";
import { inAuditedTransaction } from "../audit/change";
import { SecretUnavailableError } from "../crypto/secret-box";
import { db } from "../db/client";
import { checkResults, submissionAttempts, verificationRuns } from "../db/schema";
import { logger } from "../logger";
import { recheckAfterFor } from "../verification/recheck";
import { runVerification } from "../verification/run";
import { CHECK_IDS, type CheckResult, type Outcome, type VerificationReport } from "../verification/types";
import { isFinished, recordedCheckOf } from "./check-rows";
import { openCredential, storedCredentialOf, type TokenCredential } from "./credentials";
import { progressWriter, recordReport, startRun, type RunTrigger } from "./progress";

/** Who asked for a run: the submission's own run (and its retries), a CSM's re-run, or the schedule. */
export type RunPurpose = "submission" | "recheck" | "reverify";

export type RunRequest = {
  attemptId: string;
  trigger: RunTrigger;
  /** The staff member who asked, or null. */
  triggeredBy: string | null;
  /** Re-verification never sends a test message; other runs follow the attempt's choice. */
  sendTestMessage: boolean;
};

export type RecordedRun = { runId: string; outcome: Outcome };

/**
 * Runs the checks on an attempt's stored credential and records the run. Tests may
 * pass their own to decide outcomes; what the run means is settled afterwards
 * (settle.ts) either way.
 */
export type RecordRun = (request: RunRequest, purpose: RunPurpose) => Promise<RecordedRun>;

/** The system actor of a run's audit events, as the audit log has always named it. */
export const RUN_ACTOR_IDS: Record<RunPurpose, string> = { submission: "verification.run", recheck: "recheck", reverify: "scheduled" };

/**
 * Opens the stored credential (an audited change), starts the run with every check
 * waiting, writes each check's progress as it happens and then the report. A credential
 * that will not open, or a fault of ours mid-run, still ends the run: inconclusive.
 */
export const recordVerificationRun: RecordRun = async (request, purpose) => {
  const attempt = await db().query.submissionAttempts.findFirst({ where: eq(submissionAttempts.id, request.attemptId) });
  const stored = attempt && storedCredentialOf(attempt);
  if (!attempt || !stored) throw new Error("The attempt has no stored credential to verify");

  const runId = await db().transaction(async (tx) => {
    // A run left "running" by a stopped worker ends as inconclusive, its unfinished checks skipped; this one replaces it.
    const replaced = await tx
      .update(verificationRuns)
      .set({ outcome: "inconclusive", finishedAt: new Date() })
      .where(and(eq(verificationRuns.attemptId, attempt.id), eq(verificationRuns.outcome, "running")))
      .returning({ id: verificationRuns.id });
    if (replaced.length) {
      await tx
        .update(checkResults)
        .set({ status: "skipped", updatedAt: new Date() })
        .where(and(inArray(checkResults.runId, replaced.map((r) => r.id)), inArray(checkResults.status, ["pending", "running"])));
    }
    return startRun(tx, attempt.id, request);
  });

  let credential: TokenCredential;
  try {
    credential = await inAuditedTransaction({ type: "system", id: RUN_ACTOR_IDS[purpose] }, null, (change) =>
      openCredential(change, stored, {
        brokerageId: attempt.brokerageId,
        detail: { runId, trigger: request.trigger, ...(request.triggeredBy ? { requestedBy: request.triggeredBy } : {}) },
      }),
    );
  } catch (error) {
    if (!(error instanceof SecretUnavailableError)) throw error;
    logger().error({ attemptId: attempt.id, problem: error.message }, "stored secret could not be opened");
    return finish(runId, unreadableSecretReport());
  }

  const recheckAfterMs = purpose === "submission" ? await recheckAfterForAttempt(attempt) : undefined;
  const writer = progressWriter(runId);
  let report: VerificationReport;
  try {
    report = await runVerification(
      {
        tenantId: attempt.tenantId,
        clientId: attempt.clientId,
        ...credential,
        testMailbox: attempt.testMailbox,
        secretExpiresOn: attempt.secretExpiresOn,
        sendTestMessage: request.sendTestMessage,
        accessScope: attempt.accessScope,
        outsideMailbox: attempt.outsideMailbox ?? undefined,
      },
      { onProgress: (update) => writer.write(update), recheckAfterMs, rbacSettlesAt: rbacSettlesAt(attempt) },
    );
  } catch (error) {
    // The runner reports Microsoft's failures itself; reaching here is a fault of ours.
    logger().error({ err: error, attemptId: attempt.id }, "verification run failed unexpectedly");
    await writer.flush().catch(() => undefined);
    report = await interruptedReport(runId);
  }
  await writer.flush();
  return finish(runId, report);
};

/**
 * A submission made minutes after the brokerage's previous one is a setup still settling
 * in Microsoft: its run looks once more before it reports a propagation failure.
 */
async function recheckAfterForAttempt(attempt: { brokerageId: string; number: number; createdAt: Date }): Promise<number | undefined> {
  const [previous] = await db()
    .select({ createdAt: submissionAttempts.createdAt })
    .from(submissionAttempts)
    .where(and(eq(submissionAttempts.brokerageId, attempt.brokerageId), lt(submissionAttempts.number, attempt.number)))
    .orderBy(desc(submissionAttempts.number))
    .limit(1);
  return recheckAfterFor(previous?.createdAt, attempt.createdAt);
}

/** Exchange caches RBAC for Applications changes for up to two hours after the brokerage set them up. */
const RBAC_CACHE_MS = 2 * 3_600_000;

function rbacSettlesAt(attempt: { accessScope: string; createdAt: Date }): Date | undefined {
  return attempt.accessScope === "exchange-rbac" ? new Date(attempt.createdAt.getTime() + RBAC_CACHE_MS) : undefined;
}

async function finish(runId: string, report: VerificationReport): Promise<RecordedRun> {
  await db().transaction((tx) => recordReport(tx, runId, report));
  return { runId, outcome: report.outcome };
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
  const finished = new Map(rows.map(recordedCheckOf).filter(isFinished).map((c) => [c.id, c]));
  return errorReport(
    CHECK_IDS.map(
      (id): CheckResult =>
        finished.get(id) ?? { id, status: "error", reason: "unexpected", title: "This check could not finish", detail: OUR_FAULT, durationMs: 0 },
    ),
  );
}
