import { auth } from "@/lib/auth/auth";
import { safeNextPath } from "@/lib/auth/next-path";
import { isMicrosoftSignInEnabled } from "@/lib/auth/sso";
import { env } from "@/lib/env";

export const dynamic = "force-dynamic";

/**
 * Starts Microsoft sign-in with a plain link (a GET), so it works without JavaScript:
 * better-auth makes the state and PKCE verifier, and we redirect to Microsoft.
 */
export async function GET(request: Request) {
  if (!isMicrosoftSignInEnabled(env())) return new Response("Not found", { status: 404 });
  const next = safeNextPath(new URL(request.url).searchParams.get("next"));
  const { headers, response } = await auth().api.signInSocial({
    body: { provider: "microsoft", callbackURL: next, errorCallbackURL: "/staff/sign-in" },
    headers: request.headers,
    returnHeaders: true,
  });
  if (!response?.url) return new Response(null, { status: 303, headers: { Location: "/staff/sign-in?error=microsoft" } });
  const redirect = new Headers({ Location: response.url, "Cache-Control": "no-store" });
  for (const cookie of headers.getSetCookie()) redirect.append("Set-Cookie", cookie);
  return new Response(null, { status: 302, headers: redirect });
}
