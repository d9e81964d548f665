import type { Logger } from "pino";
import { CHECK_LABELS } from "./labels";
import { problem, skipped, type CheckOutcome } from "./results";
import { CHECK_DEPENDENCIES, type CheckId, type CheckProgress, type CheckResult } from "./types";

/**
 * Runs checks in dependency order: each starts as soon as the checks it depends
 * on have passed (or warned), independent ones concurrently; a check whose
 * dependency did neither is `skipped`. Progress is reported in order.
 */

export type PlannedCheck = {
  id: CheckId;
  run: () => Promise<CheckOutcome>;
  /** Decided before the check starts, e.g. sending turned off: the check is skipped. */
  skipWhen?: () => CheckOutcome | undefined;
  /**
   * Dependencies it starts alongside instead of after (it waits for theirs): their result
   * still decides, so when one did not pass or warn, the check reports `skipped` as if it
   * had waited. The check must be harmless to run early (a write cleans up after itself).
   */
  overlaps?: CheckId[];
  /** Checks it starts after, whatever their result (to stay within Exchange's concurrency). */
  after?: CheckId[];
};

export type PlanOptions = {
  /** One check at a time, in plan order. */
  sequential?: boolean;
  onProgress?: (update: CheckProgress) => void | Promise<void>;
  logger: Logger;
  /** Describes an unexpected error for the log, with secrets removed. */
  describeError: (error: unknown) => string;
};

const settled = (r: CheckResult) => r.status === "pass" || r.status === "warn";

export async function executePlan(plan: readonly PlannedCheck[], options: PlanOptions): Promise<CheckResult[]> {
  const inPlan = new Set(plan.map((c) => c.id));
  const results = new Map<CheckId, Promise<CheckResult>>();
  let progress = Promise.resolve();
  const emit = (update: CheckProgress) => {
    progress = progress
      .then(() => options.onProgress?.(update))
      .catch((error: unknown) => options.logger.warn({ check: update.id, error: options.describeError(error) }, "progress listener failed"));
  };

  const notPassed = (blocker: CheckResult) => skipped(`Not checked, because “${CHECK_LABELS[blocker.id]}” did not pass.`, { blockedBy: blocker.id });
  const resultsOf = (ids: readonly CheckId[]) => Promise.all(ids.filter((d) => inPlan.has(d)).map((d) => results.get(d)!));

  async function runOne(check: PlannedCheck): Promise<CheckResult> {
    const overlapped = new Set(options.sequential ? [] : (check.overlaps ?? []));
    const waitsFor = CHECK_DEPENDENCIES[check.id].flatMap((d) => (overlapped.has(d) ? CHECK_DEPENDENCIES[d] : [d]));
    const dependencies = await resultsOf(waitsFor);
    const blocker = dependencies.find((r) => !settled(r));
    const early = blocker ? notPassed(blocker) : check.skipWhen?.();
    if (early) return finish(check.id, early, 0);
    if (check.after && !options.sequential) await resultsOf(check.after);
    emit({ id: check.id, status: "running" });
    const started = performance.now();
    let outcome: CheckOutcome;
    try {
      outcome = await check.run();
    } catch (error) {
      options.logger.error({ check: check.id, error: options.describeError(error) }, "check failed unexpectedly");
      outcome = problem("error", "unexpected");
    }
    if (overlapped.size) {
      // A test item left behind is worth reporting whatever the read found.
      const late = (await resultsOf([...overlapped])).find((r) => !settled(r));
      if (late && outcome.reason !== "cleanup-failed") outcome = notPassed(late);
    }
    return finish(check.id, outcome, performance.now() - started);
  }

  function finish(id: CheckId, outcome: CheckOutcome, ms: number): CheckResult {
    const result: CheckResult = { id, ...outcome, durationMs: Math.round(ms) };
    options.logger.debug({ check: id, status: result.status, reason: result.reason, code: result.microsoft?.code, durationMs: result.durationMs }, "check finished");
    emit(result);
    return result;
  }

  for (const check of plan) {
    const running = runOne(check);
    results.set(check.id, running);
    if (options.sequential) await running;
  }
  const all = await Promise.all(plan.map((c) => results.get(c.id)!));
  await progress;
  return all;
}
