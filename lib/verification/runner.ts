import type { Logger } from "pino";
import { CHECK_LABELS } from "./labels";
import { problem, skipped, type CheckOutcome } from "./results";
import { CHECK_DEPENDENCIES, type CheckId, type CheckProgress, type CheckResult } from "./types";

/**
 * Runs checks in dependency order: each starts as soon as the checks it depends
 * on have passed (or warned), independent ones concurrently; a check whose
 * dependency did neither is `skipped`. Progress is reported in order.
 */

/** Another check's result, once it has one. */
export type ResultOf = (id: CheckId) => Promise<CheckResult>;

export type PlannedCheck = {
  id: CheckId;
  /** `resultOf` lets a check decide from others' results (it must never wait for one that waits for it). */
  run: (resultOf: ResultOf) => Promise<CheckOutcome>;
  /**
   * The dependencies to wait for instead of CHECK_DEPENDENCIES, decided at run time (e.g.
   * from the token: without roles the mailbox checks wait for the token, not for
   * `permissions`, which the mailbox checks then decide).
   */
  dependsOn?: (resultOf: ResultOf) => Promise<readonly CheckId[]>;
  /** Its run waits for later checks of the plan: in a sequential run the next check starts without waiting for it. */
  waitsForLater?: boolean;
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
  const planned = new Map(plan.map((c) => [c.id, c]));
  const results = new Map<CheckId, Promise<CheckResult>>();
  const settle = new Map<CheckId, (r: CheckResult) => void>();
  for (const check of plan) results.set(check.id, new Promise<CheckResult>((resolve) => settle.set(check.id, resolve)));
  const resultOf: ResultOf = (id) => results.get(id) ?? Promise.reject(new Error(`${id} is not in the plan`));
  let progress = Promise.resolve();
  const emit = (update: CheckProgress) => {
    progress = progress
      .then(() => options.onProgress?.(update))
      .catch((error: unknown) => options.logger.warn({ check: update.id, error: options.describeError(error) }, "progress listener failed"));
  };

  const notPassed = (blocker: CheckResult) => skipped(`Not checked, because “${CHECK_LABELS[blocker.id]}” did not pass.`, { blockedBy: blocker.id });
  const resultsOf = (ids: readonly CheckId[]) => Promise.all(ids.filter((d) => inPlan.has(d)).map((d) => results.get(d)!));

  const dependenciesOf = async (id: CheckId): Promise<readonly CheckId[]> => {
    const dynamic = planned.get(id)?.dependsOn;
    return dynamic ? dynamic(resultOf) : CHECK_DEPENDENCIES[id];
  };

  async function runOne(check: PlannedCheck): Promise<CheckResult> {
    const overlapped = new Set(options.sequential ? [] : (check.overlaps ?? []));
    const own = await dependenciesOf(check.id);
    const waitsFor = (await Promise.all(own.map(async (d) => (overlapped.has(d) ? dependenciesOf(d) : [d])))).flat();
    const dependencies = await resultsOf(waitsFor);
    const blocker = dependencies.find((r) => !settled(r));
    const early = blocker ? notPassed(blocker) : check.skipWhen?.();
    if (early) return finish(check.id, early, 0);
    if (check.after && !options.sequential) await resultsOf(check.after);
    emit({ id: check.id, status: "running" });
    const started = performance.now();
    let outcome: CheckOutcome;
    try {
      outcome = await check.run(resultOf);
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
    settle.get(id)?.(result);
    options.logger.debug({ check: id, status: result.status, reason: result.reason, code: result.microsoft?.code, durationMs: result.durationMs }, "check finished");
    emit(result);
    return result;
  }

  const running: Promise<CheckResult>[] = [];
  for (const check of plan) {
    const one = runOne(check);
    running.push(one);
    if (options.sequential && !check.waitsForLater) await one;
  }
  const all = await Promise.all(running);
  await progress;
  return all;
}
