import { guideSectionLabel } from "../guide/steps";
import { REASONS, type Reason } from "./types";

/**
 * One root cause, one thing to do: the checks that did not pass, grouped by the fix
 * they need, in the order of the checks. The brokerage's status page and the CSM's
 * "Problems to fix" both read this, so they group the same way. The words of each fix
 * come from the caller (the catalog on the server, the view's own words in the browser),
 * so this module stays free of configuration and runs in both.
 */

/** How to fix one check: its cause's title, what to do, and what the check itself said beyond that. */
export type FixWords = { title: string; fix: string; said: string | null; guideAnchor: string | null };

export type DiagnosedCheck = {
  id: string;
  status: string;
  reason: string | null;
  title: string | null;
  detail: string | null;
  guideAnchor: string | null;
};

export type Finding<T extends DiagnosedCheck> = {
  /** The reason of the root cause, or the check id for a check without one. */
  key: string;
  title: string;
  /** What to do, once; then what the first check itself said, only when it adds words. */
  fix: string;
  detail: string | null;
  guideAnchor: string | null;
  /** "Step 4: Grant admin consent": a real step or section title, or null. */
  guideLabel: string | null;
  checks: T[];
};

export type Diagnosis<T extends DiagnosedCheck> = {
  /** Failures the administrator can fix. */
  fixes: Finding<T>[];
  /** Warnings: it works, but something deserves a look. */
  warnings: Finding<T>[];
  /** Checks Microsoft could not answer: not the administrator's doing. */
  unanswered: Finding<T>[];
};

/**
 * A cause that explains other failures: when the test mailbox is another tenant's,
 * "no mailbox at this address" on each mailbox check says the same thing again.
 */
const EXPLAINED_BY: Partial<Record<Reason, Reason>> = {
  "mailbox-not-found": "mailbox-domain-other-tenant",
};

const isReason = (value: string | null): value is Reason => value !== null && (REASONS as readonly string[]).includes(value);

export function diagnose<T extends DiagnosedCheck>(checks: readonly T[], wordsOf: (check: T) => FixWords): Diagnosis<T> {
  const reasons = new Set(checks.filter((c) => c.status === "fail").map((c) => c.reason));
  const rootOf = (check: T): string => {
    const cause = isReason(check.reason) ? EXPLAINED_BY[check.reason] : undefined;
    if (cause && check.status === "fail" && reasons.has(cause)) return cause;
    return check.reason ?? `check:${check.id}`;
  };
  return {
    fixes: group(checks.filter((c) => c.status === "fail"), rootOf, wordsOf),
    warnings: group(checks.filter((c) => c.status === "warn"), rootOf, wordsOf),
    unanswered: group(checks.filter((c) => c.status === "error"), rootOf, wordsOf),
  };
}

function group<T extends DiagnosedCheck>(checks: T[], rootOf: (check: T) => string, wordsOf: (check: T) => FixWords): Finding<T>[] {
  const byKey = new Map<string, T[]>();
  for (const check of checks) {
    const key = rootOf(check);
    byKey.set(key, [...(byKey.get(key) ?? []), check]);
  }
  return [...byKey.entries()].map(([key, members]) => finding(key, members, wordsOf));
}

function finding<T extends DiagnosedCheck>(key: string, checks: T[], wordsOf: (check: T) => FixWords): Finding<T> {
  // The root cause's own check speaks first (the tenant check, for another tenant's mailbox).
  const first = checks.find((c) => c.reason === key) ?? checks[0]!;
  const words = wordsOf(first);
  const said = words.said?.trim() || null;
  return {
    key,
    title: words.title,
    fix: words.fix,
    detail: said && said !== words.fix && said !== words.title ? said : null,
    guideAnchor: words.guideAnchor,
    guideLabel: words.guideAnchor ? guideSectionLabel(words.guideAnchor) : null,
    checks,
  };
}

/** "You need to do 2 things". */
export function thingsToDo(count: number): string {
  return `You need to do ${count} ${count === 1 ? "thing" : "things"}`;
}
