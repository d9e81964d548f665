import { getSessionCookie } from "better-auth/cookies";
import { NextResponse, type NextRequest } from "next/server";
import { STAFF_COOKIE_PREFIX } from "./lib/auth/cookie-names";

/**
 * Convenience only: a staff page opened with no staff session cookie at all goes
 * straight to sign-in, remembering where it was going. It proves nothing about the
 * cookie, and POSTs (server actions) pass through untouched: every staff page, action
 * and route checks the session and role itself (lib/auth/require-staff-role.ts).
 */
export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  if (request.method !== "GET" && request.method !== "HEAD") return NextResponse.next();
  if (pathname === "/staff/sign-in" || pathname.startsWith("/staff/sign-in/")) return NextResponse.next();
  if (getSessionCookie(request, { cookiePrefix: STAFF_COOKIE_PREFIX })) return NextResponse.next();
  const signIn = new URL("/staff/sign-in", request.url);
  signIn.searchParams.set("next", `${pathname}${search}`);
  return NextResponse.redirect(signIn);
}

export const config = { matcher: ["/staff", "/staff/:path*"] };
