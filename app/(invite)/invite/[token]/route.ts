import { NextResponse, type NextRequest } from "next/server";
import { env } from "@/lib/env";
import { redeemInvite } from "@/lib/invites/redeem";
import { rateLimitedPage } from "@/lib/invites/rate-limited-page";
import { clientIp } from "@/lib/http/client-ip";
import { inviteLandingPath } from "@/lib/providers/brokerage-provider";
import { rotationStateOf } from "@/lib/rotation/state";

export const dynamic = "force-dynamic";

/** Opening an invite link: exchange the token for a session cookie, then leave the token behind. */
export async function GET(request: NextRequest, { params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const result = await redeemInvite(token, {
    ip: clientIp(request.headers),
    userAgent: request.headers.get("user-agent"),
  });
  const base = env().APP_URL;

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
