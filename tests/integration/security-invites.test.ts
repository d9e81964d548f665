import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { readBrokerageSession } from "@/lib/auth/brokerage-session";
import { db } from "@/lib/db/client";
import { auditEvents, brokerageSessions, invites } from "@/lib/db/schema";
import { REDEEM_FAILURES, redeemInvite } from "@/lib/invites/redeem";
import { generateInviteToken, hashInviteToken } from "@/lib/invites/tokens";
import { brokerageWithInvite, inviteOf, stageOf } from "../support/brokerages";

let address = 0;
const origin = () => ({ ip: `198.51.100.${++address}`, userAgent: "vitest" });

describe("redeeming an invite link", () => {
  it("opens a cookie session for the brokerage, marks the invite opened and the brokerage opened", async () => {
    const { brokerage, token, inviteId } = await brokerageWithInvite("Harbor Realty");
    const result = await redeemInvite(token, origin());
    if (result.status !== "redeemed") throw new Error(`expected redeemed, got ${result.status}`);
    expect(result.cookie).toMatchObject({ httpOnly: true, secure: true, sameSite: "lax", path: "/" });
    expect(await readBrokerageSession(result.cookie.value)).toMatchObject({ brokerageId: brokerage.id, inviteId });
    expect((await inviteOf(inviteId))?.openedAt).toBeInstanceOf(Date);
    expect(await stageOf(brokerage.id)).toBe("opened");
    const [audit] = await db().select().from(auditEvents).where(eq(auditEvents.subjectId, inviteId));
    expect(audit).toMatchObject({ action: "invite.opened", brokerageId: brokerage.id });
  });

  it("stores only hashes: of the token and of the session cookie", async () => {
    const { token, inviteId } = await brokerageWithInvite("Hash Realty");
    const result = await redeemInvite(token, origin());
    if (result.status !== "redeemed") throw new Error("expected redeemed");
    const invite = await inviteOf(inviteId);
    expect(invite?.tokenHash).toBe(hashInviteToken(token));
    const sessions = await db().select().from(brokerageSessions).where(eq(brokerageSessions.inviteId, inviteId));
    const stored = JSON.stringify({ invite, sessions });
    expect(stored).not.toContain(token);
    expect(stored).not.toContain(result.cookie.value);
  });

  it("answers unknown, expired and revoked links alike, changing nothing", async () => {
    const expired = await brokerageWithInvite("Expired Realty");
    await db().update(invites).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(invites.id, expired.inviteId));
    const revoked = await brokerageWithInvite("Revoked Realty");
    await db().update(invites).set({ revokedAt: new Date() }).where(eq(invites.id, revoked.inviteId));

    for (const token of [generateInviteToken(), expired.token, revoked.token, "short", "../../etc"]) {
      expect(await redeemInvite(token, origin())).toEqual({ status: "unusable" });
    }
    expect((await inviteOf(expired.inviteId))?.openedAt).toBeNull();
    expect(await stageOf(revoked.brokerage.id)).toBe("invited");
  });

  it("slows down an address that keeps trying bad links, even when it then has a good one", async () => {
    const { token } = await brokerageWithInvite("Burst Realty");
    const attacker = { ip: "192.0.2.66", userAgent: "burst" };
    for (let i = 0; i < REDEEM_FAILURES.limit; i++) {
      expect(await redeemInvite(generateInviteToken(), attacker)).toEqual({ status: "unusable" });
    }
    const limited = await redeemInvite(generateInviteToken(), attacker);
    expect(limited).toMatchObject({ status: "rate-limited" });
    expect(await redeemInvite(token, attacker)).toMatchObject({ status: "rate-limited" });
    // Another address is not affected.
    expect(await redeemInvite(token, origin())).toMatchObject({ status: "redeemed" });
  });
});
