import "server-only";
import { and, eq, inArray, isNull } from "drizzle-orm";
import { inAuditedTransaction } from "../audit/change";
import { brokerageSessionCookie, createBrokerageSession } from "../auth/brokerage-session";
import { db } from "../db/client";
import { brokerages, invites } from "../db/schema";
import { logger } from "../logger";
import { createRateLimiter } from "../rate-limit/limiter";
import { hashInviteToken, isWellFormedInviteToken } from "./tokens";

/**
 * Opening an invite link: the token is exchanged once for a cookie session and
 * never travels again. Unknown, expired and revoked tokens are answered alike, so a
 * guess learns nothing; an address that keeps guessing is slowed down.
 */

/** Failed redemptions allowed per address: a person mistyping a link never gets near it. */
const redeemFailures = createRateLimiter({ name: "invite-redeem-failures", limit: 10, windowSeconds: 600 });
export const REDEEM_FAILURES = redeemFailures.limit;

export type RequestOrigin = { ip: string; userAgent: string | null };

export type Redemption =
  | { status: "redeemed"; brokerageId: string; cookie: ReturnType<typeof brokerageSessionCookie> }
  | { status: "unusable" }
  | { status: "rate-limited"; retryAfterSeconds: number };

export async function redeemInvite(token: string, origin: RequestOrigin): Promise<Redemption> {
  // Checked before the lookup, so a limited address cannot tell a good token from a bad one.
  const limit = await redeemFailures.check(origin.ip);
  if (!limit.allowed) return { status: "rate-limited", retryAfterSeconds: limit.retryAfterSeconds };

  const invite = isWellFormedInviteToken(token) ? await findUsableInvite(hashInviteToken(token)) : null;
  if (!invite) {
    await redeemFailures.hit(origin.ip);
    logger().info({ ip: origin.ip }, "invite link refused");
    return { status: "unusable" };
  }

  const actor = { type: "brokerage", id: invite.brokerageId } as const;
  const session = await inAuditedTransaction(actor, origin, async ({ tx, audit }) => {
    const now = new Date();
    await tx.update(invites).set({ openedAt: now }).where(and(eq(invites.id, invite.id), isNull(invites.openedAt)));
    await tx
      .update(brokerages)
      .set({ stage: "opened", stageChangedAt: now })
      .where(and(eq(brokerages.id, invite.brokerageId), inArray(brokerages.stage, ["new", "invited"])));
    await audit({ action: "invite.opened", subject: { type: "invite", id: invite.id }, brokerageId: invite.brokerageId });
    return createBrokerageSession(tx, { brokerageId: invite.brokerageId, inviteId: invite.id });
  });
  return {
    status: "redeemed",
    brokerageId: invite.brokerageId,
    cookie: brokerageSessionCookie(session.value, session.expiresAt),
  };
}

async function findUsableInvite(tokenHash: string) {
  const invite = await db().query.invites.findFirst({
    where: eq(invites.tokenHash, tokenHash),
    columns: { id: true, brokerageId: true, expiresAt: true, revokedAt: true },
  });
  if (!invite || invite.revokedAt || invite.expiresAt <= new Date()) return null;
  return invite;
}
