import "server-only";
import { notFound, redirect } from "next/navigation";
import type { AuditActor } from "../audit/record";
import { BROKERAGE_SESSION_COOKIE, readBrokerageSession, type BrokerageSession } from "../auth/brokerage-session";
import { SIGN_IN_PATH } from "../auth/require-staff-role";
import type { StaffRole } from "../auth/roles";
import { authorizeStaff, type Staff } from "../auth/staff-session";
import { cookieValue } from "../http/cookies";
import { requestFacts, type RequestOrigin } from "../http/request-facts";
import { isSameOrigin } from "../http/same-origin";
import { logger } from "../logger";
import type { RateLimiter } from "../rate-limit/limiter";

/**
 * Who may run an action, one guard per audience. `admit` answers before anything is
 * read; `limit` counts after validation (a mistyped form costs nothing) and returns
 * the words of a refusal.
 */
export type Guard<C> = {
  admit: (request: Headers) => Promise<{ ok: true; context: C } | { ok: false; message: string }>;
  limit?: (context: C) => Promise<string | null>;
  /** Who the audit log names for the action's changes. */
  actor: (context: C) => AuditActor;
  origin: (request: Headers) => RequestOrigin;
  /** Facts for the log line of an unexpected failure. */
  log: (context: C) => Record<string, unknown>;
};

/** Staff with one of `roles`. Signed out: to sign-in; another role: a 404 that says nothing. */
export function staffGuard(roles: readonly StaffRole[]): Guard<{ staff: Staff }> {
  return {
    async admit(request) {
      const authorization = await authorizeStaff(request, roles);
      if (!authorization.ok) {
        if (authorization.reason === "signed-out") redirect(SIGN_IN_PATH);
        notFound();
      }
      return { ok: true, context: { staff: authorization.staff } };
    },
    actor: ({ staff }) => ({ type: "staff", id: staff.id }),
    origin: requestFacts,
    log: ({ staff }) => ({ staffId: staff.id }),
  };
}

export type BrokerageRequest = { ip: string; userAgent: string | null };
export type BrokerageContext = { session: BrokerageSession; request: BrokerageRequest };

export const SESSION_ENDED = "Your session has ended, so nothing was sent. Open the link in your invite email again.";

/** Where a brokerage's request came from, as its audit events and limits record it. */
export function brokerageRequest(request: Headers): BrokerageRequest {
  const facts = requestFacts(request);
  return { ip: facts.ip ?? "unknown", userAgent: facts.userAgent };
}

/**
 * A brokerage administrator with a live invite session, posting from this portal's own
 * page (lib/http/same-origin.ts), within `limiter`'s count for their brokerage.
 */
export function brokerageGuard(options: {
  limiter: RateLimiter;
  /** Refusal words: a post from another origin, and a full limit. */
  crossOrigin: string;
  limited: (retryAfterSeconds: number) => string;
  sessionEnded?: string;
}): Guard<BrokerageContext> {
  return {
    async admit(request) {
      const facts = brokerageRequest(request);
      if (!isSameOrigin(request)) {
        logger().warn({ ip: facts.ip }, "cross-origin brokerage request refused");
        return { ok: false, message: options.crossOrigin };
      }
      const session = await readBrokerageSession(cookieValue(request, BROKERAGE_SESSION_COOKIE));
      if (!session) return { ok: false, message: options.sessionEnded ?? SESSION_ENDED };
      return { ok: true, context: { session, request: facts } };
    },
    async limit({ session }) {
      const state = await options.limiter.hit(session.brokerageId);
      return state.allowed ? null : options.limited(state.retryAfterSeconds);
    },
    actor: ({ session }) => ({ type: "brokerage", id: session.brokerageId }),
    origin: brokerageRequest,
    log: ({ session }) => ({ brokerageId: session.brokerageId }),
  };
}

export type PublicContext = { address: string | null };

/**
 * Anyone, within `limiter`'s count for their address (`address` says how the request
 * names it; unknown addresses share one count).
 */
export function publicGuard(options: {
  /** Without one, the action limits itself (staff sign-in: better-auth's limits, lib/auth/sign-in-limits.ts). */
  limiter?: RateLimiter;
  address: (request: Headers) => string | null;
  limited?: (retryAfterSeconds: number) => string;
}): Guard<PublicContext> {
  const { limiter, limited } = options;
  return {
    admit: async (request) => ({ ok: true, context: { address: options.address(request) } }),
    limit: limiter
      ? async ({ address }) => {
          const state = await limiter.hit(address ?? "unknown");
          return state.allowed ? null : (limited?.(state.retryAfterSeconds) ?? "Too many requests. Wait a few minutes, then try again.");
        }
      : undefined,
    actor: () => ({ type: "system", id: "public" }),
    origin: requestFacts,
    log: ({ address }) => ({ ip: address }),
  };
}
