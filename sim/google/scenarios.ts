import { GOOGLE_SCOPE_STRINGS } from "../../lib/google/scopes";
import type { CheckId, CheckStatus, Outcome, Reason } from "../../lib/verification/types";
import type { GoogleSimulatorControl } from "./control";

/**
 * One Google Workspace scenario per reason (DESIGN §10): the values to type, what the
 * simulator is told first (for the vendor's own faults), and what the run must report.
 * The demo prints them; the scenario-matrix test runs each one.
 */

export type GoogleScenario = {
  key: string;
  title: string;
  values: { domain: string; testUser: string };
  /** Done through the control API before the run (the vendor's side, or a fault). */
  setup?: (control: GoogleSimulatorControl) => void;
  expected: { outcome: Outcome; check: CheckId; status: CheckStatus; reason?: Reason };
};

const maple = (local: string) => ({ domain: "maplegrove.example", testUser: `${local}@maplegrove.example` });

export const GOOGLE_SCENARIOS: GoogleScenario[] = [
  { key: "google-verified", title: "Everything in place", values: maple("agent"), expected: { outcome: "verified", check: "mail.send", status: "pass" } },
  { key: "google-invalid-input", title: "Test user outside the domain", values: { domain: "maplegrove.example", testUser: "agent@oakridge.example" }, expected: { outcome: "failed", check: "input", status: "fail", reason: "invalid-input" } },
  { key: "google-delegation-missing", title: "No domain-wide delegation for the client id", values: { domain: "willowbend.example", testUser: "agent@willowbend.example" }, expected: { outcome: "failed", check: "token", status: "fail", reason: "delegation-missing" } },
  { key: "google-scope-missing", title: "Delegation lacks gmail.send", values: { domain: "oakridge.example", testUser: "agent@oakridge.example" }, expected: { outcome: "failed", check: "token", status: "fail", reason: "scope-missing" } },
  { key: "google-mailbox-not-found", title: "No such user", values: maple("nobody"), expected: { outcome: "failed", check: "token", status: "fail", reason: "mailbox-not-found" } },
  { key: "google-calendar-off", title: "Calendar turned off for the user", values: maple("calendar-off"), expected: { outcome: "failed", check: "calendar.read", status: "fail", reason: "mailbox-not-enabled" } },
  { key: "google-contacts-off", title: "Contacts turned off for the user", values: maple("contacts-off"), expected: { outcome: "failed", check: "contacts.read", status: "fail", reason: "mailbox-not-enabled" } },
  { key: "google-gmail-off", title: "Gmail turned off for the user", values: maple("gmail-off"), expected: { outcome: "failed", check: "mail.send", status: "fail", reason: "mailbox-not-enabled" } },
  {
    key: "google-throttled",
    title: "Calendar keeps answering 403 rateLimitExceeded",
    values: maple("agent"),
    setup: (c) => c.addFault({ route: "calendar", effect: { type: "status", status: 403, reason: "rateLimitExceeded" } }),
    expected: { outcome: "inconclusive", check: "calendar.read", status: "error", reason: "throttled" },
  },
  {
    key: "google-unavailable",
    title: "People API keeps answering 503",
    values: maple("agent"),
    setup: (c) => c.addFault({ route: "people", effect: { type: "status", status: 503, retryAfterSeconds: 1 } }),
    expected: { outcome: "inconclusive", check: "contacts.read", status: "error", reason: "google-unavailable" },
  },
  {
    key: "google-vendor-key-revoked",
    title: "The vendor's service account key was revoked",
    values: maple("agent"),
    setup: (c) => c.setVendor({ keyRevoked: true }),
    expected: { outcome: "inconclusive", check: "token", status: "error", reason: "vendor-config" },
  },
  {
    key: "google-vendor-clock-skew",
    title: "The vendor's clock is two hours off",
    values: maple("agent"),
    setup: (c) => c.setVendor({ clockSkewSeconds: 7200 }),
    expected: { outcome: "inconclusive", check: "token", status: "error", reason: "vendor-config" },
  },
  {
    key: "google-vendor-api-disabled",
    title: "Gmail API disabled in the vendor's project",
    values: maple("agent"),
    setup: (c) => c.setVendor({ disabledApis: ["gmail"] }),
    expected: { outcome: "inconclusive", check: "mail.send", status: "error", reason: "vendor-config" },
  },
  {
    key: "google-unexpected",
    title: "Calendar answers 400 with a reason nobody documents",
    values: maple("agent"),
    setup: (c) => c.addFault({ route: "calendar", effect: { type: "status", status: 400, reason: "somethingNew" } }),
    expected: { outcome: "inconclusive", check: "calendar.read", status: "error", reason: "unexpected" },
  },
  {
    key: "google-cleanup-failed",
    title: "Deleting the test contact fails",
    values: maple("agent"),
    setup: (c) => c.addFault({ route: "people", effect: { type: "status", status: 400, reason: "failedToDelete" }, method: "DELETE" }),
    expected: { outcome: "verified", check: "contacts.write", status: "warn", reason: "cleanup-failed" },
  },
];

export const googleScenario = (key: string) => GOOGLE_SCENARIOS.find((s) => s.key === key)!;

/** The scopes as an administrator pastes them, for the demo's "fix it" step. */
export const ALL_SCOPES = [...GOOGLE_SCOPE_STRINGS];

/** The demo's lines: what to type for each case. */
export function googleScenarioTable(): string {
  const rows = GOOGLE_SCENARIOS.filter((s) => !s.setup).map((s) => [s.values.domain, s.values.testUser, s.expected.reason ?? s.expected.outcome, s.title]);
  const header = ["domain", "test user", "result", "case"];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join("  ").trimEnd();
  return [line(header), line(widths.map((w) => "-".repeat(w))), ...rows.map(line)].join("\n");
}
