import { NextResponse, type NextRequest } from "next/server";
import { env } from "@/lib/env";
import { requestFacts } from "@/lib/http/request-facts";
import { isSameOrigin } from "@/lib/http/same-origin";
import { rateLimitedPage } from "@/lib/invites/rate-limited-page";
import { redeemInvite } from "@/lib/invites/redeem";
import { inviteLandingPath } from "@/lib/providers/brokerage-provider";
import { rotationStateOf } from "@/lib/rotation/state";

export const dynamic = "force-dynamic";

/** "Continue" on an invite link's page: exchange the token for a session cookie, then leave the token behind. */
export async function POST(request: NextRequest, { params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const base = env().APP_URL;
  // Another site must not open a session in this browser with a link it holds.
  if (!isSameOrigin(request.headers)) return NextResponse.redirect(new URL(`/invite/${token}`, base), 303);

  const facts = requestFacts(request.headers);
  const result = await redeemInvite(token, { ip: facts.ip ?? "unknown", userAgent: facts.userAgent });
  if (result.status === "rate-limited") {
    return new NextResponse(rateLimitedPage(result.retryAfterSeconds), {
      status: 429,
      headers: { "Content-Type": "text/html; charset=utf-8", "Retry-After": String(result.retryAfterSeconds), "Cache-Control": "no-store" },
    });
  }
  // An open rotation is what the link was sent for (the expiry reminders): its page comes first.
  const landing =
    result.status === "redeemed"
      ? ((await rotationStateOf(result.brokerageId)).actionPath ?? (await inviteLandingPath(result.brokerageId)))
      : "/invite/unusable";
  const response = NextResponse.redirect(new URL(landing, base), 303);
  response.headers.set("Cache-Control", "no-store");
  if (result.status === "redeemed") response.cookies.set(result.cookie);
  return response;
}
