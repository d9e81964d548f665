import "server-only";
import { and, eq, gte, inArray, isNotNull, isNull, or } from "drizzle-orm";
import { db } from "../db/client";
import { credentialApprovals, submissionAttempts } from "../db/schema";
import { enqueue } from "../jobs/queue";
import type { RecordRun } from "../runs/record";
import { runRecordedVerification } from "../runs/recorded-run";
import type { Assessment } from "../runs/settle";
import { isoDate } from "../validation/text";
import { scheduleReadinessRecheck } from "../readiness/run";

export const REVERIFY_SCHEDULE_JOB = "reverify.schedule";
export const REVERIFY_RUN_JOB = "reverify.run";

/**
 * Active credentials to verify again: every unended approval whose secret is still
 * stored and not past its stated expiry (an expired one is already known to be dead,
 * and the expiry notice has gone out).
 */
export async function listCredentialsToReverify(now = new Date()) {
  return db()
    .select({ attemptId: credentialApprovals.attemptId, brokerageId: credentialApprovals.brokerageId })
    .from(credentialApprovals)
    .innerJoin(submissionAttempts, eq(submissionAttempts.id, credentialApprovals.attemptId))
    .where(
      and(
        isNull(credentialApprovals.endedAt),
        // A sealed secret or key; `vendor-app` and Google Workspace keep none: the vendor's credential signs in while not revoked or replaced.
        or(
          isNotNull(submissionAttempts.secretCiphertext),
          and(inArray(submissionAttempts.credentialMethod, ["vendor-app", "google-delegation"]), isNull(submissionAttempts.secretDestroyedAt)),
        ),
        gte(submissionAttempts.secretExpiresOn, isoDate(now)),
      ),
    );
}

/** The scheduled job: one queued re-verification per active credential, spread over the workers. */
export async function scheduleReverification(now = new Date()): Promise<number> {
  const due = await listCredentialsToReverify(now);
  for (const { attemptId } of due) await enqueue(REVERIFY_RUN_JOB, { attemptId });
  return due.length;
}

/**
 * Re-verifies one active credential: a recorded run on the stored secret without
 * sending a test message, with trigger "scheduled", settled like every run.
 */
export async function reverifyAttempt(attemptId: string, record?: RecordRun, now?: () => Date): Promise<Assessment | "not-active"> {
  const [active] = await db()
    .select({ id: credentialApprovals.id })
    .from(credentialApprovals)
    .where(and(eq(credentialApprovals.attemptId, attemptId), isNull(credentialApprovals.endedAt)));
  if (!active) return "not-active";
  const { assessment } = await runRecordedVerification(
    "reverify",
    { attemptId, trigger: "scheduled", triggeredBy: null, sendTestMessage: false },
    { record, now },
  );
  return assessment;
}

/** The brokerage's agent mailboxes are checked again with the credential (DESIGN §11); a regression alerts the CSM. */
export async function recheckAgentsOf(attemptId: string): Promise<string | null> {
  const [attempt] = await db().select({ brokerageId: submissionAttempts.brokerageId }).from(submissionAttempts).where(eq(submissionAttempts.id, attemptId));
  return attempt ? scheduleReadinessRecheck(attempt.brokerageId) : null;
}
