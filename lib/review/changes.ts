import type { AccessScope } from "../validation/access-scope";
import { CHECK_IDS } from "../verification/types";

/** What changed between two attempts of one brokerage: the values typed, and how each check ended. */

export type AttemptValues = {
  tenantId: string;
  clientId: string;
  testMailbox: string;
  secretExpiresOn: string;
  sendTestMessage: boolean;
  /** DESIGN §9; "organization" for attempts from before the question existed. */
  accessScope?: AccessScope;
  outsideMailbox?: string | null;
  secretHint: string;
  submitterName: string;
  submitterEmail: string;
};

export const VALUE_LABELS: Record<keyof AttemptValues, string> = {
  tenantId: "Tenant ID",
  clientId: "Client ID",
  testMailbox: "Test mailbox",
  secretExpiresOn: "Secret expiry",
  sendTestMessage: "Send a test message",
  accessScope: "Access scope",
  outsideMailbox: "Mailbox outside the group",
  secretHint: "Client secret (first 3 characters)",
  submitterName: "Submitted by",
  submitterEmail: "Submitter email",
};

export type ValueChange = { field: keyof AttemptValues; label: string; before: string; after: string };
export type CheckChange = { checkId: string; before: string | null; after: string | null };
export type AttemptChanges = { previousAttemptNumber: number; values: ValueChange[]; checks: CheckChange[] };

const show = (value: string | boolean | null | undefined) => (typeof value === "boolean" ? (value ? "Yes" : "No") : (value ?? "None"));

export function compareAttempts(
  previous: { number: number; values: AttemptValues; checks: Map<string, string> },
  current: { values: AttemptValues; checks: Map<string, string> },
): AttemptChanges {
  const values = (Object.keys(VALUE_LABELS) as (keyof AttemptValues)[])
    .filter((field) => previous.values[field] !== current.values[field])
    .map((field) => ({ field, label: VALUE_LABELS[field], before: show(previous.values[field]), after: show(current.values[field]) }));
  const checks = CHECK_IDS.map((checkId) => ({
    checkId,
    before: previous.checks.get(checkId) ?? null,
    after: current.checks.get(checkId) ?? null,
  })).filter((c) => c.before !== c.after);
  return { previousAttemptNumber: previous.number, values, checks };
}
