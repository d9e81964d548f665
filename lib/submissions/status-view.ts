import "server-only";
import { CHECK_ROW_LABELS, GOOGLE_CHECK_IDS, GOOGLE_CHECK_ROW_LABELS } from "../runs/check-labels";
import { remediationOf } from "../runs/remediation";
import { isFinished, recordedCheckOf } from "../runs/check-rows";
import { retryDelaySeconds } from "../runs/retry-schedule";
import { CHECK_DEPENDENCIES, CHECK_IDS, type CheckId, type CheckResult } from "../verification/types";
import { getLatestRun, type Attempt } from "./queries";
import type { AttemptStatus, CheckView, LiveStatus, Phase, StatusView } from "./views";

/**
 * The live results as the status page and its event stream show them: one row per
 * check in a fixed order, waiting until the run reaches it, then its result with the
 * fix for anything that is not a pass. Plain data, safe to send to the browser.
 */

export async function getStatusView(attempt: Attempt): Promise<StatusView> {
  const { runs, latest, checks } = await getLatestRun(attempt.id);
  const byId = new Map(checks.map((row) => [row.checkId, recordedCheckOf(row)]));
  // Google Workspace runs have their own checks and row labels (DESIGN §10).
  const google = attempt.credentialMethod === "google-delegation";
  const ids: readonly CheckId[] = google ? GOOGLE_CHECK_IDS : CHECK_IDS;
  const labelled = (view: CheckView): CheckView => (google ? { ...view, label: GOOGLE_CHECK_ROW_LABELS[view.id as (typeof GOOGLE_CHECK_IDS)[number]] } : view);
  const views: CheckView[] = ids.map((id) => {
    const check = byId.get(id);
    if (!check || !isFinished(check)) return labelled({ ...emptyView(id), status: check?.status === "running" ? "running" : "waiting" });
    return labelled(resultView(check));
  });
  explainSkipped(views);

  const phase = phaseOf(attempt.status, latest?.outcome ?? null);
  const retryAt = phase === "inconclusive" && latest?.finishedAt ? nextRetry(runs, latest.finishedAt) : null;
  return {
    attempt: { id: attempt.id, number: attempt.number, status: attempt.status, submittedAt: attempt.createdAt.toISOString(), credentialMethod: attempt.credentialMethod, provider: google ? "google" : "microsoft" },
    phase,
    checks: views,
    finishedAt: latest?.finishedAt?.toISOString() ?? null,
    retryAt,
    final: phase !== "queued" && phase !== "running" && retryAt === null,
  };
}

function emptyView(id: CheckId): CheckView {
  return {
    id,
    label: CHECK_ROW_LABELS[id],
    status: "waiting",
    title: null,
    detail: null,
    reason: null,
    guideAnchor: null,
    remediation: null,
    microsoft: null,
  };
}

/** A finished check with the fix for anything that did not pass. */
export function resultView(result: CheckResult): CheckView {
  const needsFix = result.status !== "pass" && result.status !== "skipped";
  const remediation = needsFix && result.reason ? remediationOf(result) : null;
  return {
    ...emptyView(result.id),
    status: result.status as LiveStatus,
    title: result.title,
    detail: result.detail || null,
    reason: result.reason ?? null,
    guideAnchor: result.guideAnchor ?? null,
    // Results are usually worded from the same catalog: show the fix only when it adds something.
    remediation: remediation && remediation.title !== result.title ? remediation : null,
    microsoft: result.microsoft
      ? { code: result.microsoft.code, requestId: result.microsoft.requestId ?? null, timestamp: result.microsoft.timestamp ?? null }
      : null,
  };
}

/** A check that did not run says which of these rows it was waiting for, in this page's words. */
function explainSkipped(views: CheckView[]) {
  const byId = new Map(views.map((v) => [v.id, v]));
  for (const view of views) {
    if (view.status !== "skipped") continue;
    // A Google Workspace run has no `permissions` row: its probes wait for the token.
    const shown = CHECK_DEPENDENCIES[view.id].filter((id) => byId.has(id));
    const dependencies: readonly CheckId[] = shown.length || byId.has("permissions") || view.id === "token" ? shown : ["token"];
    const blocker = dependencies.map((id) => byId.get(id)!).find((dep) => dep.status !== "pass" && dep.status !== "warn");
    if (blocker) view.detail = `Not run, because “${blocker.label}” did not pass.`;
  }
}

function phaseOf(status: AttemptStatus, outcome: string | null): Phase {
  if (outcome === "running") return "running";
  if (outcome === "verified" || outcome === "failed" || outcome === "inconclusive") return outcome;
  // No run yet: queued, unless the attempt was replaced before its run began.
  return status === "superseded" ? "superseded" : "queued";
}

/** Consecutive inconclusive runs so far decide the next delay (retry-schedule). */
function nextRetry(runs: { outcome: string }[], finishedAt: Date): string | null {
  let inconclusive = 0;
  for (const run of [...runs].reverse()) {
    if (run.outcome !== "inconclusive") break;
    inconclusive++;
  }
  const delay = retryDelaySeconds(inconclusive - 1);
  return delay === null ? null : new Date(finishedAt.getTime() + delay * 1000).toISOString();
}
