import { eq } from "drizzle-orm";
import { BROKERAGE_SESSION_COOKIE, createBrokerageSession } from "@/lib/auth/brokerage-session";
import { db } from "@/lib/db/client";
import { brokerages, invites } from "@/lib/db/schema";
import { env } from "@/lib/env";
import { createInvite } from "@/lib/invites/create-invite";

/** A brokerage with an open invite, made through the app's own code. */
export async function brokerageWithInvite(name: string, options: { days?: number; emailDomain?: string } = {}) {
  const emailDomain = options.emailDomain ?? "harbor.example";
  return db().transaction(async (tx) => {
    const [brokerage] = await tx.insert(brokerages).values({ name, emailDomain }).returning();
    const invite = await createInvite(tx, { brokerageId: brokerage!.id, recipientEmail: `it@${emailDomain}`, days: options.days });
    return { brokerage: brokerage!, token: invite.token, inviteId: invite.invite.id };
  });
}

export async function stageOf(brokerageId: string) {
  const row = await db().query.brokerages.findFirst({ where: eq(brokerages.id, brokerageId) });
  return row?.stage;
}

export async function inviteOf(inviteId: string) {
  return db().query.invites.findFirst({ where: eq(invites.id, inviteId) });
}

/**
 * The headers of a request from the brokerage's own form page: this portal's origin,
 * and the session cookie its invite link gave (none when `inviteId` is null).
 */
export async function brokerageRequest(session: { brokerageId: string; inviteId: string } | null, options: { origin?: string; ip?: string } = {}) {
  const headers = new Headers({ origin: options.origin ?? new URL(env().APP_URL).origin, "user-agent": "vitest", "x-portal-client-address": options.ip ?? "203.0.113.7" });
  if (session) {
    const { value } = await createBrokerageSession(db(), session);
    headers.set("cookie", `${BROKERAGE_SESSION_COOKIE}=${value}`);
  }
  return headers;
}
