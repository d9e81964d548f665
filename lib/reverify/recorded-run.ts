import "server-only";
import { eq } from "drizzle-orm";
import { recordAudit } from "../audit/record";
import { openSecret } from "../crypto/secret-box";
import { db } from "../db/client";
import { submissionAttempts, verificationRuns } from "../db/schema";
import { progressWriter, recordProgress, startRun } from "../submissions/record-run";
import { runVerification } from "../verification/run";
import type { RunRecordedVerification } from "./run-port";

/**
 * Runs the checks on an attempt's stored secret and records the run the way a
 * submission's run is recorded (the submissions module's run rows and live progress),
 * so the status page and the staff detail read it alike. It decides nothing about the
 * attempt: `assessRun` does that afterwards.
 */
export const runOnStoredSecret: RunRecordedVerification = async ({ attemptId, trigger, triggeredBy, sendTestMessage }) => {
  const attempt = await db().query.submissionAttempts.findFirst({ where: eq(submissionAttempts.id, attemptId) });
  if (!attempt?.secretCiphertext || !attempt.secretKeyId) throw new Error("The attempt has no stored secret to verify");

  const { runId, secret } = await db().transaction(async (tx) => {
    const started = await startRun(tx, attempt.id, "scheduled");
    // startRun knows the submission triggers; a CSM's re-run is a "recheck" by that person.
    await tx.update(verificationRuns).set({ trigger, triggeredBy }).where(eq(verificationRuns.id, started));
    await recordAudit(tx, {
      actor: { type: "system", id: trigger },
      action: "secret.decrypted",
      subject: { type: "attempt", id: attempt.id },
      brokerageId: attempt.brokerageId,
      detail: { runId: started, purpose: "verification", trigger, requestedBy: triggeredBy },
    });
    return { runId: started, secret: openSecret({ ciphertext: attempt.secretCiphertext!, keyId: attempt.secretKeyId! }, attempt.id) };
  });

  const writer = progressWriter(runId);
  let report;
  try {
    report = await runVerification(
      {
        tenantId: attempt.tenantId,
        clientId: attempt.clientId,
        clientSecret: secret,
        testMailbox: attempt.testMailbox,
        secretExpiresOn: attempt.secretExpiresOn,
        sendTestMessage,
      },
      { onProgress: (update) => writer.write(update) },
    );
    await writer.flush();
  } catch (error) {
    // A run that could not finish must not look as if it were still going.
    await db().update(verificationRuns).set({ outcome: "inconclusive", finishedAt: new Date() }).where(eq(verificationRuns.id, runId));
    throw error;
  }
  await db().transaction(async (tx) => {
    for (const check of report.checks) await recordProgress(tx, runId, check);
    await tx
      .update(verificationRuns)
      .set({ outcome: report.outcome, finishedAt: new Date(report.finishedAt), durationMs: Math.round(report.durationMs) })
      .where(eq(verificationRuns.id, runId));
  });
  return { runId, outcome: report.outcome };
};
