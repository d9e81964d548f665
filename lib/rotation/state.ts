import "server-only";
import type { CredentialMethodName } from "../validation/credential-method";
import { and, desc, eq, isNull } from "drizzle-orm";
import { db, type Executor } from "../db/client";
import { credentialApprovals, credentialRotations, submissionAttempts } from "../db/schema";
import { daysUntil } from "../validation/text";

/** The administrator's rotation page; the home page links here while a rotation needs them. */
export const ROTATION_PATH = "/submit/rotation";

/** The next credential is prepared this many days before the active one expires (the first expiry reminder). */
export const ROTATION_LEAD_DAYS = 60;

/** After the hand-off, the sync service has this long to switch before the old credential may be deleted. */
export const OLD_CREDENTIAL_GRACE_DAYS = 7;

export type RotationPhase =
  /** No active credentials, or their expiry is more than ROTATION_LEAD_DAYS away. */
  | "none"
  /** Within the lead time, and the next credential is not prepared yet (the daily job does it). */
  | "due"
  /** The next credential is prepared: the administrator has to add it to the app and send it. */
  | "open"
  | "verifying"
  /** The next credential failed its checks; the old one stays in service. */
  | "failed"
  /** The new credential is in service; the old one may be deleted from `oldDeletableAfter`. */
  | "completed";

export type RotationState = {
  phase: RotationPhase;
  rotationId: string | null;
  method: CredentialMethodName | null;
  /** The active credential's expiry (YYYY-MM-DD) and days left, when there is one. */
  expiresOn: string | null;
  daysLeft: number | null;
  nextThumbprint: string | null;
  attemptId: string | null;
  oldDeletableAfter: Date | null;
  /** Where the administrator acts, while the rotation needs them ("open" or "failed"). */
  actionPath: string | null;
};

/**
 * Where a brokerage's credential rotation stands (DESIGN §9 "rotation without downtime"),
 * for the administrator's pages and staff pages. A completed rotation is reported while
 * its old credential's deletion date is still ahead.
 */
export async function rotationStateOf(brokerageId: string, now = new Date(), tx: Executor = db()): Promise<RotationState> {
  const [active] = await tx
    .select({ approvalId: credentialApprovals.id, expiresOn: submissionAttempts.secretExpiresOn, method: submissionAttempts.credentialMethod })
    .from(credentialApprovals)
    .innerJoin(submissionAttempts, eq(submissionAttempts.id, credentialApprovals.attemptId))
    .where(and(eq(credentialApprovals.brokerageId, brokerageId), isNull(credentialApprovals.endedAt)))
    .limit(1);
  const [rotation] = await tx
    .select()
    .from(credentialRotations)
    .where(eq(credentialRotations.brokerageId, brokerageId))
    .orderBy(desc(credentialRotations.openedAt))
    .limit(1);
  const daysLeft = active ? daysUntil(active.expiresOn, now) : null;
  const base: RotationState = {
    phase: "none",
    rotationId: null,
    method: active?.method ?? null,
    expiresOn: active?.expiresOn ?? null,
    daysLeft,
    nextThumbprint: null,
    attemptId: null,
    oldDeletableAfter: null,
    actionPath: null,
  };
  if (rotation && (rotation.approvalId === active?.approvalId || rotation.status === "completed")) {
    const recentlyCompleted = rotation.status === "completed" && rotation.oldDeletableAfter && rotation.oldDeletableAfter > now;
    if (rotation.status !== "completed" || recentlyCompleted) {
      return {
        ...base,
        phase: rotation.status,
        rotationId: rotation.id,
        method: rotation.method,
        nextThumbprint: rotation.nextThumbprint,
        attemptId: rotation.attemptId,
        oldDeletableAfter: rotation.oldDeletableAfter,
        actionPath: rotation.status === "open" || rotation.status === "failed" ? ROTATION_PATH : null,
      };
    }
  }
  if (active && daysLeft !== null && daysLeft <= ROTATION_LEAD_DAYS) return { ...base, phase: "due" };
  return base;
}

/** A rotation's phase in staff words. */
export function describeRotation(state: RotationState): string {
  switch (state.phase) {
    case "none":
      return "Not due";
    case "due":
      return "Due: the next credential is prepared with the next expiry reminder";
    case "open":
      return state.nextThumbprint ? `Waiting for the administrator to upload the next certificate (${state.nextThumbprint.slice(0, 12)}…)` : "Waiting for the administrator to send a new secret";
    case "verifying":
      return "Checking the new credential; the old one is still in use";
    case "failed":
      return "The new credential failed its checks; the old one is still in use";
    case "completed":
      return `Finished: the new credential is in use; the old one may be deleted from ${state.oldDeletableAfter?.toISOString().slice(0, 10)}`;
  }
}

/** The rotation state of several brokerages (a staff page of at most a few dozen rows). */
export async function rotationStatesOf(brokerageIds: string[], now = new Date()): Promise<Map<string, RotationState>> {
  const unique = [...new Set(brokerageIds)];
  const states = await Promise.all(unique.map((id) => rotationStateOf(id, now)));
  return new Map(unique.map((id, i) => [id, states[i]!]));
}
