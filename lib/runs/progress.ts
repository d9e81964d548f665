import "server-only";
import { and, eq, inArray, sql } from "drizzle-orm";
import type { Executor } from "../db/client";
import { db } from "../db/client";
import { checkResults, verificationRuns } from "../db/schema";
import { CHECK_IDS, type CheckProgress, type CheckResult, type VerificationReport } from "../verification/types";
import type { EmailProvider } from "../validation/credential-method";
import { CHECK_ROW_LABELS, GOOGLE_CHECK_IDS, GOOGLE_CHECK_ROW_LABELS } from "./check-labels";

/**
 * A run's rows in PostgreSQL: created with every check waiting, then updated as the
 * runner reports progress. Pages on any app instance read the same rows.
 */

export type RunTrigger = "submit" | "recheck" | "scheduled";

export async function startRun(tx: Executor, attemptId: string, start: { trigger: RunTrigger; triggeredBy: string | null }, provider: EmailProvider = "microsoft") {
  const [run] = await tx
    .insert(verificationRuns)
    .values({ attemptId, trigger: start.trigger, triggeredBy: start.triggeredBy })
    .returning({ id: verificationRuns.id });
  const rows =
    provider === "google"
      ? GOOGLE_CHECK_IDS.map((id) => ({ runId: run!.id, checkId: id, title: GOOGLE_CHECK_ROW_LABELS[id] }))
      : CHECK_IDS.map((id) => ({ runId: run!.id, checkId: id, title: CHECK_ROW_LABELS[id] }));
  await tx.insert(checkResults).values(rows);
  return run!.id;
}

function resultColumns(result: CheckResult) {
  return {
    status: result.status,
    reason: result.reason ?? null,
    title: result.title,
    detail: result.detail,
    guideAnchor: result.guideAnchor ?? null,
    // The provider's code for a support ticket: Microsoft's, or Google's for a Google Workspace run.
    microsoftCode: result.microsoft?.code ?? result.google?.code ?? null,
    microsoftRequestId: result.microsoft?.requestId ?? null,
    microsoftTimestamp: result.microsoft?.timestamp ?? null,
    durationMs: Math.round(result.durationMs),
    data: result.data ?? null,
    updatedAt: new Date(),
  };
}

export async function recordProgress(tx: Executor, runId: string, update: CheckProgress) {
  const where = and(eq(checkResults.runId, runId), eq(checkResults.checkId, update.id));
  if (!("durationMs" in update)) {
    // A late "running" must not overwrite a result that already arrived.
    await tx
      .update(checkResults)
      .set({ status: "running", updatedAt: new Date() })
      .where(and(where, sql`${checkResults.status} = 'pending'`));
    return;
  }
  await tx.update(checkResults).set(resultColumns(update)).where(where);
}

/**
 * Progress callbacks come from concurrent checks; writing them one after another keeps
 * each check's "running" before its result.
 */
export function progressWriter(runId: string) {
  let chain: Promise<void> = Promise.resolve();
  let failure: unknown;
  return {
    write(update: CheckProgress) {
      chain = chain.then(() => recordProgress(db(), runId, update)).catch((error: unknown) => void (failure ??= error));
      return chain;
    },
    async flush() {
      await chain;
      if (failure) throw failure;
    },
  };
}

/** The finished report: every check's final row and the run's outcome, together. */
export async function recordReport(tx: Executor, runId: string, report: VerificationReport) {
  for (const check of report.checks) await recordProgress(tx, runId, check);
  // Checks the report left out (none, normally) must not stay "waiting" forever.
  const reported = new Set(report.checks.map((c) => c.id));
  const missing = CHECK_IDS.filter((id) => !reported.has(id));
  if (missing.length) {
    await tx
      .update(checkResults)
      .set({ status: "skipped", updatedAt: new Date() })
      .where(and(eq(checkResults.runId, runId), inArray(checkResults.checkId, missing)));
  }
  await tx
    .update(verificationRuns)
    .set({ outcome: report.outcome, finishedAt: new Date(report.finishedAt), durationMs: Math.round(report.durationMs) })
    .where(eq(verificationRuns.id, runId));
}
