import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { and, eq, gt, inArray, isNull } from "drizzle-orm";
import { db, type Executor } from "../db/client";
import { brokerageSessions, invites } from "../db/schema";

/**
 * The cookie session a brokerage administrator gets by opening an invite link. The
 * invite token is exchanged for this cookie once, so the token never travels again.
 * A revoked invite ends its sessions too.
 */

export const BROKERAGE_SESSION_COOKIE = "brokerage_session";
export const BROKERAGE_SESSION_HOURS = 12;

export type BrokerageSession = { sessionId: string; brokerageId: string; inviteId: string };

const hash = (value: string) => createHash("sha256").update(value, "utf8").digest("hex");

export function brokerageSessionCookie(value: string, expiresAt: Date) {
  return {
    name: BROKERAGE_SESSION_COOKIE,
    value,
    httpOnly: true,
    secure: true,
    sameSite: "lax" as const,
    path: "/",
    expires: expiresAt,
  };
}

export async function createBrokerageSession(tx: Executor, input: { brokerageId: string; inviteId: string }) {
  const value = randomBytes(32).toString("base64url");
  const expiresAt = new Date(Date.now() + BROKERAGE_SESSION_HOURS * 3_600_000);
  await tx.insert(brokerageSessions).values({ tokenHash: hash(value), brokerageId: input.brokerageId, inviteId: input.inviteId, expiresAt });
  return { value, expiresAt };
}

/** The session for a cookie value, or null when unknown, expired, or its invite was revoked or expired. */
export async function readBrokerageSession(value: string | undefined | null): Promise<BrokerageSession | null> {
  if (!value || !/^[A-Za-z0-9_-]{43}$/.test(value)) return null;
  const now = new Date();
  const [row] = await db()
    .select({ sessionId: brokerageSessions.id, brokerageId: brokerageSessions.brokerageId, inviteId: brokerageSessions.inviteId })
    .from(brokerageSessions)
    .innerJoin(invites, eq(invites.id, brokerageSessions.inviteId))
    .where(
      and(
        eq(brokerageSessions.tokenHash, hash(value)),
        gt(brokerageSessions.expiresAt, now),
        isNull(invites.revokedAt),
        gt(invites.expiresAt, now),
      ),
    )
    .limit(1);
  return row ?? null;
}

/** Of the given sessions, those still valid by the same rules as readBrokerageSession (one query for many). */
export async function liveSessionIds(sessionIds: string[]): Promise<Set<string>> {
  if (!sessionIds.length) return new Set();
  const now = new Date();
  const rows = await db()
    .select({ id: brokerageSessions.id })
    .from(brokerageSessions)
    .innerJoin(invites, eq(invites.id, brokerageSessions.inviteId))
    .where(
      and(
        inArray(brokerageSessions.id, sessionIds),
        gt(brokerageSessions.expiresAt, now),
        isNull(invites.revokedAt),
        gt(invites.expiresAt, now),
      ),
    );
  return new Set(rows.map((r) => r.id));
}
