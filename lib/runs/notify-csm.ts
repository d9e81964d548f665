import "server-only";
import type { Executor } from "../db/client";
import { queueEmail } from "../email/queue-email";
import { alertAddress } from "../email/staff-contact";
import { env } from "../env";
import type { CheckResult } from "../verification/types";

/**
 * Tells the brokerage's customer-success manager that an attempt was verified (ready
 * for review), failed (the administrator has something to fix) or stayed inconclusive
 * after the last automatic retry (a re-run is theirs to ask for). The message goes
 * through the outbox in the caller's transaction (its id returned for dispatch after
 * commit). It names checks and reasons, never the secret.
 */

export async function notifyCsm(
  tx: Executor,
  input: {
    brokerage: { id: string; name: string; csmId: string | null };
    attempt: { id: string; number: number; testMailbox: string };
    outcome: "verified" | "failed" | "inconclusive";
    checks: CheckResult[];
  },
) {
  const { brokerage, attempt, outcome } = input;
  const reviewUrl = `${env().APP_URL}/staff/submissions`;
  const failing = input.checks.filter((c) => c.status === "fail");
  const subject = {
    verified: `${brokerage.name}: Microsoft 365 details verified, ready for review`,
    failed: `${brokerage.name}: Microsoft 365 details failed ${failing.length} ${failing.length === 1 ? "check" : "checks"}`,
    inconclusive: `${brokerage.name}: Microsoft 365 did not answer, automatic retries used up`,
  }[outcome];
  const lines = {
    verified: [
      `Attempt ${attempt.number} from ${brokerage.name} passed every check against Microsoft 365 (test mailbox ${attempt.testMailbox}).`,
      "",
      `Review and approve it: ${reviewUrl}`,
    ],
    failed: [
      `Attempt ${attempt.number} from ${brokerage.name} failed these checks (test mailbox ${attempt.testMailbox}):`,
      "",
      ...failing.map((c) => `- ${c.title}${c.reason ? ` (${c.reason})` : ""}`),
      "",
      "The administrator sees the same results with the steps that fix them, and can resubmit.",
      `Details: ${reviewUrl}`,
    ],
    inconclusive: [
      `Attempt ${attempt.number} from ${brokerage.name} could not be verified: Microsoft 365 did not answer in time on the last automatic retry (test mailbox ${attempt.testMailbox}).`,
      "",
      ...input.checks.filter((c) => c.status === "error").map((c) => `- ${c.title}${c.reason ? ` (${c.reason})` : ""}`),
      "",
      "No more retries are scheduled. Re-run the checks when Microsoft 365 is answering again.",
      `Details: ${reviewUrl}`,
    ],
  }[outcome];
  // With no CSM assigned (or a disabled one) the team address or the administrators are told.
  const { id } = await queueEmail(tx, {
    kind: `attempt-${outcome}`,
    to: await alertAddress(tx, brokerage.csmId),
    subject,
    text: lines.join("\n"),
    brokerageId: brokerage.id,
  });
  return id;
}
