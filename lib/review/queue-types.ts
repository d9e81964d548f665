import type { brokerageStage } from "../db/schema";

/**
 * The review queues' names and the rows they list: plain data shared by the queue
 * query (queues.ts, server-only) and the components that render the tabs and tables.
 */

export const QUEUE_IDS = ["needs-review", "failing", "inconclusive", "approved"] as const;
export type QueueId = (typeof QUEUE_IDS)[number];

export const QUEUES: Record<QueueId, { label: string; status: "verified" | "failed" | "inconclusive" | "approved"; oldestFirst: boolean }> = {
  // Oldest first: whoever has waited longest for a review is next.
  "needs-review": { label: "Needs review", status: "verified", oldestFirst: true },
  failing: { label: "Failing", status: "failed", oldestFirst: false },
  inconclusive: { label: "Inconclusive", status: "inconclusive", oldestFirst: false },
  approved: { label: "Approved", status: "approved", oldestFirst: false },
};

export type Stage = (typeof brokerageStage.enumValues)[number];

export type QueueFilters = {
  /** A staff id, or "unassigned" for brokerages without a CSM. */
  csm?: string | null;
  stage?: Stage | null;
  search?: string | null;
};

export type QueueRow = {
  attemptId: string;
  attemptNumber: number;
  brokerageId: string;
  brokerageName: string;
  csmId: string | null;
  stage: Stage;
  status: string;
  submittedAt: Date;
  /** When the row joined the queue: submission, or the regression for a failing approved credential. */
  since: Date;
  regressed: boolean;
  latestRun: { outcome: string; finishedAt: Date | null; trigger: string } | null;
  /** Reasons of the failing or erroring checks in the latest run. */
  problems: string[];
  /**
   * Reasons of the checks that passed with a warning (excess permissions, scope not
   * enforced, secret expiring soon, a domain that does not match): shown beside the failures.
   */
  warnings: string[];
  changesRequestedAt: Date | null;
};

export type QueuePage = { rows: QueueRow[]; nextCursor: string | null };
