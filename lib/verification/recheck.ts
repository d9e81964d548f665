import type { CheckResult, Reason } from "./types";

/**
 * Propagation-aware checking. Entra and Exchange take a while to reach every server
 * after a change: a brand-new secret can be refused for a minute, admin consent can
 * take minutes to show in tokens, and a just-licensed or just-moved mailbox is not
 * enabled yet. A run on a fresh setup that fails for one of these reasons waits a
 * little and checks once more by itself before it reports, and says that it did.
 */

/** The reasons a setup made minutes ago can show only because Microsoft has not caught up. */
export const PROPAGATION_REASONS: readonly Reason[] = ["secret-invalid", "consent-missing", "mailbox-not-enabled"];

/** How long after the brokerage's previous attempt a setup still counts as fresh. */
export const FRESH_SETUP_WINDOW_MS = 10 * 60_000;

/** The wait before the second look. */
export const RECHECK_AFTER_MS = 20_000;

/**
 * The `recheckAfterMs` run option for a caller that knows when the brokerage last
 * attempted (submitted or checked): the default wait when that was within the fresh-setup
 * window, otherwise undefined (no second look).
 */
export function recheckAfterFor(previousAttemptAt: Date | undefined, now: Date = new Date()): number | undefined {
  if (!previousAttemptAt) return undefined;
  const since = now.getTime() - previousAttemptAt.getTime();
  return since >= 0 && since <= FRESH_SETUP_WINDOW_MS ? RECHECK_AFTER_MS : undefined;
}

/** The propagation reasons among failed checks, in check order. */
export function propagationFailures(checks: readonly CheckResult[]): Reason[] {
  return checks.filter((c) => c.status === "fail" && c.reason && PROPAGATION_REASONS.includes(c.reason)).map((c) => c.reason!);
}

const seconds = (ms: number) => `${Math.max(1, Math.round(ms / 1000))} seconds`;

/** The second run's results, each saying that it is the second look and what the first one found. */
export function markRechecked(checks: CheckResult[], first: readonly CheckResult[], afterMs: number): CheckResult[] {
  return checks.map((c) => {
    const before = first.find((f) => f.id === c.id);
    if (!before || before.status !== "fail" || !before.reason || !PROPAGATION_REASONS.includes(before.reason)) return c;
    const note =
      c.status === "fail" && c.reason === before.reason
        ? `Checked twice, ${seconds(afterMs)} apart, in case Microsoft had not yet caught up with a recent change: the answer was the same.`
        : `The first check, ${seconds(afterMs)} earlier, found a problem (${before.reason}) that had cleared by this second check: Microsoft had not yet caught up with a recent change.`;
    return { ...c, detail: `${c.detail} ${note}`, data: { ...c.data, recheck: { afterMs, firstReason: before.reason } } };
  });
}

/** Waits `ms`, or less when the signal aborts (resolving false). */
export function waitFor(ms: number, signal?: AbortSignal): Promise<boolean> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve(false);
    const done = (ok: boolean) => {
      clearTimeout(timer);
      signal?.removeEventListener("abort", onAbort);
      resolve(ok);
    };
    const onAbort = () => done(false);
    const timer = setTimeout(() => done(true), ms);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}

/**
 * Runs once and, when `afterMs` is set and the run failed for a propagation reason,
 * waits and runs once more; the second run's results are marked as a second look.
 */
export async function withRecheck<T>(
  runOnce: () => Promise<T>,
  checksOf: (result: T) => CheckResult[],
  withChecks: (second: T, checks: CheckResult[], first: T, firstReasons: Reason[]) => T,
  options: { afterMs?: number; signal?: AbortSignal },
): Promise<T> {
  const first = await runOnce();
  const reasons = propagationFailures(checksOf(first));
  if (!options.afterMs || !reasons.length) return first;
  if (!(await waitFor(options.afterMs, options.signal))) return first;
  const second = await runOnce();
  return withChecks(second, markRechecked(checksOf(second), checksOf(first), options.afterMs), first, reasons);
}
