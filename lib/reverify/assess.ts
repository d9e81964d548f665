import "server-only";
import { and, eq, inArray, isNull, lt, desc, sql } from "drizzle-orm";
import { recordAudit } from "../audit/record";
import { db } from "../db/client";
import { brokerages, checkResults, credentialApprovals, submissionAttempts, verificationRuns } from "../db/schema";
import { dispatchEmails, queueEmail } from "../email/queue-email";
import { remediationOf } from "../review/remediation";
import { findStaffContact } from "../review/staff-contact";
import { recoveryEmail, regressionEmail } from "./messages";

export type Assessment = "regressed" | "recovered" | "unchanged" | "status-updated" | "ignored";

/**
 * What a finished run means, decided after every re-run and re-verification:
 * - on active credentials, a failure where the last decisive run passed is a regression
 *   (the CSM is alerted and the credentials join the failing queue); a pass after a
 *   regression is a recovery;
 * - on an attempt not yet approved, the run's outcome becomes the attempt's status
 *   (a CSM's re-run after the administrator fixed something).
 */
export async function assessRun(runId: string, now = new Date()): Promise<Assessment> {
  const messageIds: string[] = [];
  const assessment = await decide(runId, now, messageIds);
  await dispatchEmails(messageIds);
  return assessment;
}

async function decide(runId: string, now: Date, messageIds: string[]): Promise<Assessment> {
  return db().transaction(async (tx) => {
    const [row] = await tx
      .select({
        run: { id: verificationRuns.id, outcome: verificationRuns.outcome, startedAt: verificationRuns.startedAt, trigger: verificationRuns.trigger },
        attempt: { id: submissionAttempts.id, number: submissionAttempts.number, status: submissionAttempts.status },
        brokerage: { id: brokerages.id, name: brokerages.name, csmId: brokerages.csmId, stage: brokerages.stage },
      })
      .from(verificationRuns)
      .innerJoin(submissionAttempts, eq(submissionAttempts.id, verificationRuns.attemptId))
      .innerJoin(brokerages, eq(brokerages.id, submissionAttempts.brokerageId))
      .where(eq(verificationRuns.id, runId))
      .for("update", { of: brokerages });
    if (!row || row.run.outcome === "running") return "ignored";
    const { attempt, brokerage } = row;
    const run = { ...row.run, outcome: row.run.outcome };

    const [latest] = await tx
      .select({ id: verificationRuns.id })
      .from(verificationRuns)
      .where(eq(verificationRuns.attemptId, attempt.id))
      .orderBy(desc(verificationRuns.startedAt))
      .limit(1);
    // An older run finishing late says nothing about the present.
    if (latest?.id !== run.id) return "ignored";

    if (attempt.status === "approved") {
      const [approval] = await tx
        .select({ id: credentialApprovals.id, regressedAt: credentialApprovals.regressedAt })
        .from(credentialApprovals)
        .where(and(eq(credentialApprovals.attemptId, attempt.id), isNull(credentialApprovals.endedAt)));
      if (!approval) return "ignored";
      const contact = await findStaffContact(tx, brokerage.csmId);
      const subject = { type: "attempt", id: attempt.id };

      if (run.outcome === "failed" && !approval.regressedAt) {
        const [previous] = await tx
          .select({ outcome: verificationRuns.outcome })
          .from(verificationRuns)
          .where(and(eq(verificationRuns.attemptId, attempt.id), lt(verificationRuns.startedAt, run.startedAt), inArray(verificationRuns.outcome, ["verified", "failed"])))
          .orderBy(desc(verificationRuns.startedAt))
          .limit(1);
        if (previous?.outcome !== "verified") return "unchanged";
        await tx.update(credentialApprovals).set({ regressedAt: now }).where(eq(credentialApprovals.id, approval.id));
        const problems = await tx
          .select({ title: checkResults.title, detail: checkResults.detail, reason: checkResults.reason, guideAnchor: checkResults.guideAnchor })
          .from(checkResults)
          .where(and(eq(checkResults.runId, run.id), eq(checkResults.status, "fail")));
        messageIds.push((await queueEmail(tx, {
          kind: "credentials-regressed",
          to: contact?.email ?? null,
          brokerageId: brokerage.id,
          ...regressionEmail({ brokerage: brokerage.name, attemptId: attempt.id, attemptNumber: attempt.number, problems: problems.map(remediationOf) }),
        })).id);
        await recordAudit(tx, {
          actor: { type: "system" },
          action: "credentials.regressed",
          subject,
          brokerageId: brokerage.id,
          detail: { runId: run.id, trigger: run.trigger, reasons: problems.map((p) => p.reason) },
        });
        return "regressed";
      }
      if (run.outcome === "verified" && approval.regressedAt) {
        await tx.update(credentialApprovals).set({ regressedAt: null }).where(eq(credentialApprovals.id, approval.id));
        messageIds.push((await queueEmail(tx, {
          kind: "credentials-recovered",
          to: contact?.email ?? null,
          brokerageId: brokerage.id,
          ...recoveryEmail({ brokerage: brokerage.name, attemptId: attempt.id, attemptNumber: attempt.number }),
        })).id);
        await recordAudit(tx, { actor: { type: "system" }, action: "credentials.recovered", subject, brokerageId: brokerage.id, detail: { runId: run.id } });
        return "recovered";
      }
      return "unchanged";
    }

    if (!["verifying", "verified", "failed", "inconclusive"].includes(attempt.status)) return "ignored";
    const outcome = run.outcome;
    if (attempt.status === outcome) return "unchanged";
    await tx.update(submissionAttempts).set({ status: outcome }).where(eq(submissionAttempts.id, attempt.id));
    // The pipeline follows the brokerage's current attempt, unless credentials are already live.
    if (outcome !== "inconclusive") {
      await tx
        .update(brokerages)
        .set({ stage: outcome, stageChangedAt: now })
        .where(and(eq(brokerages.id, brokerage.id), sql`${brokerages.stage} in ('submitted', 'verified', 'failed')`));
    }
    return "status-updated";
  });
}
