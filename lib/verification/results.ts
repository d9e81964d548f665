import type { MicrosoftErrorInfo } from "../microsoft/failures";
import type { Classified } from "./classify";
import { remediationFor } from "./remediation";
import type { CheckResult, CheckStatus, Reason } from "./types";

/** What a check returns; the runner adds its id and duration. */
export type CheckOutcome = Omit<CheckResult, "id" | "durationMs">;

export function passed(title: string, detail: string, data?: Record<string, unknown>): CheckOutcome {
  return { status: "pass", title, detail, ...(data ? { data } : {}) };
}

/**
 * A non-pass result worded from the remediation catalog; `facts` (what exactly
 * was found, e.g. which permissions are missing) comes before the fix.
 */
export function problem(
  status: Exclude<CheckStatus, "pass" | "skipped">,
  reason: Reason,
  options: { facts?: string; data?: Record<string, unknown>; microsoft?: MicrosoftErrorInfo } = {},
): CheckOutcome {
  const remedy = remediationFor(reason);
  return {
    status,
    reason,
    title: remedy.title,
    detail: options.facts ? `${options.facts} ${remedy.detail}` : remedy.detail,
    ...(remedy.guideAnchor ? { guideAnchor: remedy.guideAnchor } : {}),
    ...(options.microsoft ? { microsoft: options.microsoft } : {}),
    ...(options.data ? { data: options.data } : {}),
  };
}

export const fromClassified = (c: Classified, facts?: string, data?: Record<string, unknown>) =>
  problem(c.status, c.reason, { facts, data, microsoft: c.microsoft });

export function skipped(detail: string, data: Record<string, unknown>): CheckOutcome {
  return { status: "skipped", title: "Not checked", detail, data };
}
