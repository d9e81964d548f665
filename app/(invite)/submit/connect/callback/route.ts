import { NextResponse, type NextRequest } from "next/server";
import { brokerageRequest } from "@/lib/actions/guards";
import { getBrokerageSession } from "@/lib/auth/require-brokerage-session";
import { completeVendorConsent } from "@/lib/submissions/vendor-consent";

export const dynamic = "force-dynamic";

/** Where Microsoft's admin-consent page sends the administrator back (the redirect URI registered for the vendor app). */
export async function GET(request: NextRequest) {
  const session = await getBrokerageSession();
  const to = (path: string) => NextResponse.redirect(new URL(path, request.nextUrl.origin), { status: 303, headers: { "Cache-Control": "no-store" } });
  if (!session) return new NextResponse("Not found", { status: 404, headers: { "Cache-Control": "no-store" } });
  const result = await completeVendorConsent(session, request.nextUrl.searchParams, brokerageRequest(request.headers));
  if (result.kind === "consented") return to(`/submit/connect/mailbox?consent=${result.consentId}`);
  if (result.kind === "failed") return to(`/submit/connect?consent=${result.consentId}`);
  return to("/submit/connect?consent=refused");
}
