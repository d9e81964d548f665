import { NextResponse, type NextRequest } from "next/server";
import { inAuditedTransaction } from "@/lib/audit/change";
import { BROKERAGE_SESSION_COOKIE, endBrokerageSession, readBrokerageSession } from "@/lib/auth/brokerage-session";
import { env } from "@/lib/env";
import { requestFacts } from "@/lib/http/request-facts";
import { isSameOrigin } from "@/lib/http/same-origin";

export const dynamic = "force-dynamic";

/** "Sign out" on the brokerage pages: ends the session in the database and clears the cookie. */
export async function POST(request: NextRequest) {
  const base = env().APP_URL;
  if (!isSameOrigin(request.headers)) return NextResponse.redirect(new URL("/submit", base), 303);
  const session = await readBrokerageSession(request.cookies.get(BROKERAGE_SESSION_COOKIE)?.value);
  if (session) {
    await inAuditedTransaction({ type: "brokerage", id: session.brokerageId }, requestFacts(request.headers), async ({ tx, audit }) => {
      await endBrokerageSession(tx, session.sessionId);
      await audit({ action: "invite.signed-out", subject: { type: "invite", id: session.inviteId }, brokerageId: session.brokerageId });
    });
  }
  const response = NextResponse.redirect(new URL("/invite/signed-out", base), 303);
  response.headers.set("Cache-Control", "no-store");
  response.cookies.set({ name: BROKERAGE_SESSION_COOKIE, value: "", httpOnly: true, secure: true, sameSite: "lax", path: "/", maxAge: 0 });
  return response;
}
