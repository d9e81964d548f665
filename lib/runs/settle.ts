import "server-only";
import { and, desc, eq, inArray, isNull, lt } from "drizzle-orm";
import { inAuditedTransaction, type Change } from "../audit/change";
import { brokerages, checkResults, credentialApprovals, submissionAttempts, verificationRuns } from "../db/schema";
import { dispatchEmails, queueEmail } from "../email/queue-email";
import { alertAddress } from "../email/staff-contact";
import type { Outcome } from "../verification/types";
import { isFinished, recordedChecksOf } from "./check-rows";
import { recoveryEmail, regressionEmail } from "./messages";
import { notifyCsm } from "./notify-csm";
import { RUN_ACTOR_IDS, type RunPurpose } from "./record";
import { remediationOf } from "./remediation";
import { retryDelaysMinutes } from "./retry-schedule";

export type Assessment = "regressed" | "recovered" | "unchanged" | "status-updated" | "ignored";

/** Statuses a run's outcome may replace; approved attempts are judged as live credentials instead. */
const SETTLEABLE = ["verifying", "verified", "failed", "inconclusive"] as const;

/** Brokerage stages that follow the current attempt's checks; later stages stay put. */
const STAGES_FOLLOWING_CHECKS = ["opened", "submitted", "verified", "failed"] as const;

/** Nothing to write: the decision ends the transaction without a change. */
class NoChange extends Error {
  constructor(readonly assessment: Assessment) {
    super(assessment);
  }
}

/**
 * What a finished run means, the one decider for every run:
 * - on active credentials, a failure where the last decisive run passed is a regression
 *   (the CSM is alerted and the credentials join the failing queue); a pass after a
 *   regression is a recovery;
 * - on an attempt not yet approved, the outcome becomes the attempt's status and, for
 *   the brokerage's current attempt, its stage; a submission's own run also tells the
 *   CSM that it is ready for review or failed (a CSM's re-run they watch on the page).
 * An older run finishing after a newer one started says nothing about the present.
 */
export async function settleRun(runId: string, purpose: RunPurpose, now = new Date()): Promise<Assessment> {
  const messageIds: string[] = [];
  try {
    const assessment = await inAuditedTransaction({ type: "system", id: RUN_ACTOR_IDS[purpose] }, null, (change) =>
      decide(change, runId, purpose, now, messageIds),
    );
    await dispatchEmails(messageIds);
    return assessment;
  } catch (error) {
    if (error instanceof NoChange) return error.assessment;
    throw error;
  }
}

async function decide(change: Change, runId: string, purpose: RunPurpose, now: Date, messageIds: string[]): Promise<Assessment> {
  const { tx } = change;
  const [row] = await tx
    .select({
      run: { id: verificationRuns.id, outcome: verificationRuns.outcome, startedAt: verificationRuns.startedAt, trigger: verificationRuns.trigger },
      attempt: { id: submissionAttempts.id, number: submissionAttempts.number, status: submissionAttempts.status, testMailbox: submissionAttempts.testMailbox },
      brokerage: { id: brokerages.id, name: brokerages.name, csmId: brokerages.csmId },
    })
    .from(verificationRuns)
    .innerJoin(submissionAttempts, eq(submissionAttempts.id, verificationRuns.attemptId))
    .innerJoin(brokerages, eq(brokerages.id, submissionAttempts.brokerageId))
    .where(eq(verificationRuns.id, runId))
    .for("update", { of: brokerages });
  if (!row || row.run.outcome === "running") throw new NoChange("ignored");
  const { attempt, brokerage } = row;
  const run = { ...row.run, outcome: row.run.outcome as Outcome };

  const [latest] = await tx
    .select({ id: verificationRuns.id })
    .from(verificationRuns)
    .where(eq(verificationRuns.attemptId, attempt.id))
    .orderBy(desc(verificationRuns.startedAt))
    .limit(1);
  if (latest?.id !== run.id) throw new NoChange("ignored");

  const checks = recordedChecksOf(await tx.select().from(checkResults).where(eq(checkResults.runId, run.id)));
  const subject = { type: "attempt", id: attempt.id };

  if (attempt.status === "approved") {
    const [approval] = await tx
      .select({ id: credentialApprovals.id, regressedAt: credentialApprovals.regressedAt })
      .from(credentialApprovals)
      .where(and(eq(credentialApprovals.attemptId, attempt.id), isNull(credentialApprovals.endedAt)));
    if (!approval) throw new NoChange("ignored");

    if (run.outcome === "failed" && !approval.regressedAt) {
      const [previous] = await tx
        .select({ outcome: verificationRuns.outcome })
        .from(verificationRuns)
        .where(and(eq(verificationRuns.attemptId, attempt.id), lt(verificationRuns.startedAt, run.startedAt), inArray(verificationRuns.outcome, ["verified", "failed"])))
        .orderBy(desc(verificationRuns.startedAt))
        .limit(1);
      if (previous?.outcome !== "verified") throw new NoChange("unchanged");
      await tx.update(credentialApprovals).set({ regressedAt: now }).where(eq(credentialApprovals.id, approval.id));
      const problems = checks.filter((c) => c.status === "fail");
      messageIds.push((await queueEmail(tx, {
        kind: "credentials-regressed",
        to: await alertAddress(tx, brokerage.csmId),
        brokerageId: brokerage.id,
        ...regressionEmail({ brokerage: brokerage.name, attemptId: attempt.id, attemptNumber: attempt.number, problems: problems.map(remediationOf) }),
      })).id);
      await change.audit({
        action: "credentials.regressed",
        subject,
        brokerageId: brokerage.id,
        detail: { runId: run.id, trigger: run.trigger, reasons: problems.map((p) => p.reason ?? null) },
      });
      return "regressed";
    }
    if (run.outcome === "verified" && approval.regressedAt) {
      await tx.update(credentialApprovals).set({ regressedAt: null }).where(eq(credentialApprovals.id, approval.id));
      messageIds.push((await queueEmail(tx, {
        kind: "credentials-recovered",
        to: await alertAddress(tx, brokerage.csmId),
        brokerageId: brokerage.id,
        ...recoveryEmail({ brokerage: brokerage.name, attemptId: attempt.id, attemptNumber: attempt.number }),
      })).id);
      await change.audit({ action: "credentials.recovered", subject, brokerageId: brokerage.id, detail: { runId: run.id } });
      return "recovered";
    }
    throw new NoChange("unchanged");
  }

  if (!(SETTLEABLE as readonly string[]).includes(attempt.status)) throw new NoChange("ignored");
  // A submission's run always answers (each retry is on the record); a re-run that confirms the status changes nothing.
  if (attempt.status === run.outcome && purpose !== "submission") throw new NoChange("unchanged");
  await tx.update(submissionAttempts).set({ status: run.outcome }).where(eq(submissionAttempts.id, attempt.id));
  await change.audit({
    action: `attempt.${run.outcome}`,
    subject,
    brokerageId: brokerage.id,
    detail: {
      runId: run.id,
      number: attempt.number,
      failing: checks.filter((c) => c.status === "fail" || c.status === "error").map((c) => ({ id: c.id, reason: c.reason })),
    },
  });
  if (run.outcome === "inconclusive") {
    if (purpose === "submission" && (await retriesUsedUp(change, attempt.id))) {
      messageIds.push(await notifyCsm(tx, { brokerage, attempt, outcome: "inconclusive", checks: checks.filter(isFinished) }));
    }
    return "status-updated";
  }
  if (!(await isLatestAttempt(change, brokerage.id, attempt.id))) return "status-updated";

  await tx
    .update(brokerages)
    .set({ stage: run.outcome, stageChangedAt: now })
    .where(and(eq(brokerages.id, brokerage.id), inArray(brokerages.stage, [...STAGES_FOLLOWING_CHECKS])));
  if (purpose === "submission") {
    messageIds.push(await notifyCsm(tx, { brokerage, attempt, outcome: run.outcome, checks: checks.filter(isFinished) }));
  }
  return "status-updated";
}

/** The latest runs all inconclusive, one more than the automatic retries: none is left (retry-schedule). */
async function retriesUsedUp({ tx }: Change, attemptId: string) {
  const retries = retryDelaysMinutes().length;
  const latest = await tx
    .select({ outcome: verificationRuns.outcome })
    .from(verificationRuns)
    .where(eq(verificationRuns.attemptId, attemptId))
    .orderBy(desc(verificationRuns.startedAt))
    .limit(retries + 2);
  const inconclusive = latest.findIndex((run) => run.outcome !== "inconclusive");
  return (inconclusive === -1 ? latest.length : inconclusive) === retries + 1;
}

async function isLatestAttempt({ tx }: Change, brokerageId: string, attemptId: string) {
  const [latest] = await tx
    .select({ id: submissionAttempts.id })
    .from(submissionAttempts)
    .where(eq(submissionAttempts.brokerageId, brokerageId))
    .orderBy(desc(submissionAttempts.number))
    .limit(1);
  return latest?.id === attemptId;
}
