import type { Outcome } from "../verification/types";

/**
 * The one way this module starts a verification: run the checks on an attempt's stored
 * secret and record the run and its checks (verification_runs, check_results) as a
 * submission's run is recorded. Supplied by the submissions module; tests may pass
 * their own to control outcomes.
 */
export type RecordedRunRequest = {
  attemptId: string;
  trigger: "recheck" | "scheduled";
  /** The staff member who asked, or null for the schedule. */
  triggeredBy: string | null;
  /** Re-verification never sends a test message; a CSM's re-run follows the attempt's choice. */
  sendTestMessage: boolean;
};

export type RecordedRun = { runId: string; outcome: Outcome };

export type RunRecordedVerification = (request: RecordedRunRequest) => Promise<RecordedRun>;
