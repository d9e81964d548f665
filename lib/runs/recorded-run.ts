import "server-only";
import { recordVerificationRun, type RecordRun, type RunPurpose, type RunRequest } from "./record";
import { settleRun, type Assessment } from "./settle";

export type RunOptions = {
  /** Replaces the recording of the run (tests deciding outcomes); the settling stays the same. */
  record?: RecordRun;
  now?: () => Date;
};

/**
 * One recorded verification run, the only way any part of the portal verifies stored
 * credentials: open the credential (audited), run and record the checks, then settle
 * what the outcome means. A submission's run, a CSM's re-run and the scheduled
 * re-verification differ only in their request and purpose.
 */
export async function runRecordedVerification(purpose: RunPurpose, request: RunRequest, options: RunOptions = {}) {
  const recorded = await (options.record ?? recordVerificationRun)(request, purpose);
  const assessment: Assessment = await settleRun(recorded.runId, purpose, (options.now ?? (() => new Date()))());
  return { ...recorded, assessment };
}
