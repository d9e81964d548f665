import type { checkResults } from "../db/schema";
import { CHECK_IDS, REASONS, type CheckId, type CheckResult, type Reason } from "../verification/types";

/**
 * The one reading of a `check_results` row: the runner's `CheckResult` as it was
 * recorded, or `pending`/`running` while the run has not finished that check. The
 * status page, the run's own settling and the staff detail all start from this.
 */

export type CheckResultRow = typeof checkResults.$inferSelect;

export type RecordedCheck = Omit<CheckResult, "status"> & { status: CheckResult["status"] | "pending" | "running" };

const asReason = (value: string | null): Reason | undefined =>
  value && (REASONS as readonly string[]).includes(value) ? (value as Reason) : undefined;

export function recordedCheckOf(row: CheckResultRow): RecordedCheck {
  return {
    id: row.checkId as CheckId,
    status: row.status,
    reason: asReason(row.reason),
    title: row.title,
    detail: row.detail ?? "",
    guideAnchor: row.guideAnchor ?? undefined,
    microsoft: row.microsoftCode
      ? { code: row.microsoftCode, requestId: row.microsoftRequestId ?? undefined, timestamp: row.microsoftTimestamp ?? undefined }
      : undefined,
    durationMs: row.durationMs ?? 0,
    data: (row.data ?? undefined) as CheckResult["data"],
  };
}

export const isFinished = (check: RecordedCheck): check is CheckResult => check.status !== "pending" && check.status !== "running";

const checkOrder = (id: string) => {
  const index = (CHECK_IDS as readonly string[]).indexOf(id);
  return index === -1 ? CHECK_IDS.length : index;
};

/** A run's rows as recorded checks, in the contract's order. */
export const recordedChecksOf = (rows: CheckResultRow[]): RecordedCheck[] =>
  rows.map(recordedCheckOf).sort((a, b) => checkOrder(a.id) - checkOrder(b.id));
