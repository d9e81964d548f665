import { getSessionCookie } from "better-auth/cookies";
import { NextResponse, type NextRequest } from "next/server";
import { STAFF_COOKIE_PREFIX } from "./lib/auth/cookie-names";
import { nonceContentSecurityPolicy } from "./lib/http/content-security-policy";

/**
 * Two jobs, neither of them authorization:
 * - a per-request CSP nonce for the dynamic pages (/submit, /staff): Next reads it from
 *   the request's Content-Security-Policy header and puts it on its scripts;
 * - convenience: a staff page opened with no staff session cookie at all goes straight
 *   to sign-in, remembering where it was going. It proves nothing about the cookie, and
 *   POSTs (server actions) pass through: every staff page, action and route checks the
 *   session and role itself (lib/auth/require-staff-role.ts).
 */
export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  const isStaffPage = pathname === "/staff" || pathname.startsWith("/staff/");
  const isSignIn = pathname === "/staff/sign-in" || pathname.startsWith("/staff/sign-in/");
  if (isStaffPage && !isSignIn && (request.method === "GET" || request.method === "HEAD") && !getSessionCookie(request, { cookiePrefix: STAFF_COOKIE_PREFIX })) {
    const signIn = new URL("/staff/sign-in", request.url);
    signIn.searchParams.set("next", `${pathname}${search}`);
    return NextResponse.redirect(signIn);
  }

  const nonce = btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(16))));
  const policy = nonceContentSecurityPolicy(nonce, { dev: process.env.NODE_ENV === "development" });
  const headers = new Headers(request.headers);
  headers.set("content-security-policy", policy);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("Content-Security-Policy", policy);
  return response;
}

export const config = { matcher: ["/staff", "/staff/:path*", "/submit", "/submit/:path*"] };
