import "server-only";
import { eq } from "drizzle-orm";
import { recordAudit } from "../audit/record";
import { db } from "../db/client";
import { submissionAttempts } from "../db/schema";
import { enqueue } from "../jobs/queue";
import { assessRun } from "../reverify/assess";
import type { RunRecordedVerification } from "../reverify/run-port";
import { notFound, refused, type ActionResult, type StaffActor } from "./result";

export const REVIEW_RERUN_JOB = "review.rerun";

/** A CSM asks for the checks to run again on the stored secret; the run itself is a queued job. */
export async function requestRerun(attemptId: string, actor: StaffActor): Promise<ActionResult> {
  const outcome = await db().transaction(async (tx) => {
    const [attempt] = await tx
      .select({ id: submissionAttempts.id, brokerageId: submissionAttempts.brokerageId, number: submissionAttempts.number, status: submissionAttempts.status, secretKeyId: submissionAttempts.secretKeyId, secretDestroyedAt: submissionAttempts.secretDestroyedAt })
      .from(submissionAttempts)
      .where(eq(submissionAttempts.id, attemptId));
    if (!attempt) return notFound();
    if (attempt.secretDestroyedAt || !attempt.secretKeyId) {
      return refused("The secret of this attempt has been destroyed, so its checks cannot run again.");
    }
    await recordAudit(tx, {
      actor: { type: "staff", id: actor.staffId },
      action: "attempt.rerun-requested",
      subject: { type: "attempt", id: attemptId },
      brokerageId: attempt.brokerageId,
      origin: actor.origin,
      detail: { attemptNumber: attempt.number, status: attempt.status },
    });
    return { ok: true as const };
  });
  if (!outcome.ok) return outcome;
  await enqueue(REVIEW_RERUN_JOB, { attemptId, triggeredBy: actor.staffId });
  return { ok: true };
}

/** The job behind a re-run: trigger "recheck", then assessed. */
export async function rerunAttempt(attemptId: string, triggeredBy: string, run: RunRecordedVerification, now: () => Date = () => new Date()) {
  const [attempt] = await db()
    .select({ sendTestMessage: submissionAttempts.sendTestMessage, status: submissionAttempts.status })
    .from(submissionAttempts)
    .where(eq(submissionAttempts.id, attemptId));
  if (!attempt) return "not-found" as const;
  // Live credentials are re-checked quietly, as the schedule does: no test message in a working mailbox.
  const sendTestMessage = attempt.sendTestMessage && attempt.status !== "approved";
  const recorded = await run({ attemptId, trigger: "recheck", triggeredBy, sendTestMessage });
  return assessRun(recorded.runId, now());
}
