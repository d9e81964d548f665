import "server-only";
import { and, desc, eq } from "drizzle-orm";
import { db } from "../db/client";
import { changeRequests } from "../db/schema";
import { daysUntil, REMINDER_DAYS } from "../validation/credential-expiry";
import { getLatestAttempt, type Attempt } from "./queries";
import { getStatusView } from "./status-view";
import type { CheckView, StatusView } from "./views";

/**
 * Where the brokerage's administrator stands, for the home of their session: one state,
 * with what that state needs to show. Later credential methods add their own states
 * here (a vendor app waiting for admin consent: "consent").
 */
export type HomeState =
  | { kind: "not-started" }
  | { kind: "checking"; attempt: Attempt }
  | { kind: "needs-fixing"; attempt: Attempt; view: StatusView }
  | { kind: "inconclusive"; attempt: Attempt; view: StatusView }
  | { kind: "verified"; attempt: Attempt; view: StatusView }
  | { kind: "changes-requested"; attempt: Attempt; note: string | null; problems: CheckView[]; requestedAt: Date }
  | { kind: "approved"; attempt: Attempt }
  | { kind: "expiring"; attempt: Attempt; daysLeft: number };

/** Credentials that work: replacing them must be chosen on purpose. */
export const WORKING_STATES: readonly HomeState["kind"][] = ["verified", "approved", "expiring"];

export async function getHomeState(brokerageId: string, now = new Date()): Promise<HomeState> {
  const attempt = await getLatestAttempt(brokerageId);
  if (!attempt) return { kind: "not-started" };
  if (attempt.status === "approved") {
    const daysLeft = daysUntil(attempt.secretExpiresOn, now);
    return daysLeft <= REMINDER_DAYS[0] ? { kind: "expiring", attempt, daysLeft } : { kind: "approved", attempt };
  }
  const view = await getStatusView(attempt);
  const request = await latestChangeRequest(attempt.id);
  if (request && view.final) {
    const problems = view.checks.filter((c) => request.checkIds.includes(c.id));
    return { kind: "changes-requested", attempt, note: request.message, problems, requestedAt: request.createdAt };
  }
  switch (view.phase) {
    case "failed":
      return { kind: "needs-fixing", attempt, view };
    case "verified":
      return { kind: "verified", attempt, view };
    case "inconclusive":
      return view.final ? { kind: "inconclusive", attempt, view } : { kind: "checking", attempt };
    default:
      return { kind: "checking", attempt };
  }
}

async function latestChangeRequest(attemptId: string) {
  const [row] = await db()
    .select({ checkIds: changeRequests.checkIds, message: changeRequests.message, createdAt: changeRequests.createdAt })
    .from(changeRequests)
    .where(and(eq(changeRequests.attemptId, attemptId)))
    .orderBy(desc(changeRequests.createdAt))
    .limit(1);
  return row ?? null;
}

/** Where an expiring credential is replaced (the rotation journey). */
export const ROTATION_PATH = "/submit/rotation";
