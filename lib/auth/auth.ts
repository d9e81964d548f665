import "server-only";
import { betterAuth } from "better-auth";
import { drizzleAdapter } from "better-auth/adapters/drizzle";
import { APIError, createAuthMiddleware, isAPIError } from "better-auth/api";
import { nextCookies } from "better-auth/next-js";
import { eq } from "drizzle-orm";
import { inAuditedTransaction } from "../audit/change";
import { db } from "../db/client";
import { accounts, rateLimits, sessions, users, verifications } from "../db/schema";
import { env } from "../env";
import { logger } from "../logger";
import { STAFF_COOKIE_PREFIX } from "./cookie-names";
import { STAFF_ROLES } from "./roles";
import { staffAuthSecret } from "./secret";
import { requestOrigin } from "../http/request-origin";
import { clearAccountAttempts, consumeAccountAttempt, consumeAddressAttempt, refundAddressAttempt, SIGN_IN_MAX_PER_ADDRESS, SIGN_IN_WINDOW_SECONDS } from "./sign-in-limits";
import { microsoftStaffSignIn } from "./sso";

/** Staff sessions last a working day; activity within it extends them hourly. */
const SESSION_SECONDS = 12 * 3600;

/**
 * Endpoints staff do not need. Accounts are created, renamed and disabled by a staff
 * administrator (audited); nobody signs themselves up or changes their own email.
 */
const DISABLED_PATHS = [
  "/sign-up/email",
  "/update-user",
  "/change-email",
  "/delete-user",
  "/delete-user/callback",
  "/request-password-reset",
  "/reset-password",
  "/send-verification-email",
  "/verify-email",
  "/link-social",
  "/unlink-account",
  "/get-access-token",
  "/refresh-token",
  "/account-info",
  "/update-session",
];

function emailOf(body: unknown): string | undefined {
  const email = (body as { email?: unknown } | undefined)?.email;
  return typeof email === "string" ? email : undefined;
}

export function createAuth() {
  const e = env();
  const microsoft = microsoftStaffSignIn(e);
  return betterAuth({
    appName: `${e.PRODUCT_NAME} staff`,
    baseURL: e.APP_URL,
    basePath: "/api/auth",
    secret: staffAuthSecret(),
    trustedOrigins: [e.APP_URL],
    telemetry: { enabled: false },
    logger: {
      level: "warn",
      // Failed sign-ins arrive as warnings; they are routine, so they are logged as info.
      log: (level, message) => logger()[level === "warn" ? "info" : level]({ component: "auth" }, message),
    },
    database: drizzleAdapter(db(), {
      provider: "pg",
      schema: { user: users, session: sessions, account: accounts, verification: verifications, rateLimit: rateLimits },
    }),
    advanced: {
      database: { generateId: "uuid" },
      useSecureCookies: true,
      cookiePrefix: STAFF_COOKIE_PREFIX,
      ipAddress: { ipAddressHeaders: ["x-forwarded-for"] },
    },
    emailAndPassword: { enabled: true, disableSignUp: true, minPasswordLength: 12, maxPasswordLength: 128 },
    user: {
      additionalFields: {
        role: { type: [...STAFF_ROLES], input: false, required: false },
        disabledAt: { type: "date", input: false, required: false },
      },
    },
    session: { expiresIn: SESSION_SECONDS, updateAge: 3600 },
    account: { accountLinking: { enabled: true, trustedProviders: ["microsoft"], allowDifferentEmails: false } },
    socialProviders: microsoft ? { microsoft } : {},
    rateLimit: {
      enabled: true,
      storage: "database",
      window: 60,
      max: 300,
      // Password sign-ins are limited per address in the hooks below, counting only failures;
      // the first matching rule applies, so the exact path comes before the wildcard.
      customRules: { "/sign-in/email": false, "/sign-in/*": { window: SIGN_IN_WINDOW_SECONDS, max: SIGN_IN_MAX_PER_ADDRESS } },
    },
    disabledPaths: DISABLED_PATHS,
    onAPIError: {
      // A failed Microsoft sign-in comes back to our sign-in page, which explains the ?error= code.
      errorURL: "/staff/sign-in",
      // Refusals (wrong password, throttled, disabled) are answers, not faults: only the unexpected is an error.
      onError: (error) => {
        if (isAPIError(error) && error.status !== "INTERNAL_SERVER_ERROR") logger().debug({ component: "auth", status: error.status }, error.message);
        else logger().error({ component: "auth", err: error }, "staff authentication failed unexpectedly");
      },
    },
    hooks: {
      before: createAuthMiddleware(async (ctx) => {
        if (ctx.path !== "/sign-in/email") return;
        const ip = ctx.headers ? requestOrigin(ctx.headers).ip : null;
        const fromAddress = ip ? await consumeAddressAttempt(ip) : ({ allowed: true } as const);
        if (!fromAddress.allowed) {
          throw new APIError("TOO_MANY_REQUESTS", { message: "Too many sign-in attempts", code: "ADDRESS_THROTTLED" }, {
            "X-Retry-After": String(fromAddress.retryAfterSeconds),
          });
        }
        const email = emailOf(ctx.body);
        if (!email) return;
        const attempt = await consumeAccountAttempt(email);
        if (!attempt.allowed) {
          throw new APIError("TOO_MANY_REQUESTS", { message: "Too many sign-in attempts", code: "ACCOUNT_THROTTLED" }, {
            "X-Retry-After": String(attempt.retryAfterSeconds),
          });
        }
      }),
      after: createAuthMiddleware(async (ctx) => {
        if (ctx.path !== "/sign-in/email" || !ctx.context.newSession) return;
        const email = emailOf(ctx.body);
        if (email) await clearAccountAttempts(email);
        const ip = ctx.headers ? requestOrigin(ctx.headers).ip : null;
        if (ip) await refundAddressAttempt(ip);
      }),
    },
    databaseHooks: {
      session: {
        create: {
          // A disabled account is refused after its password was checked, so the refusal reveals nothing to a guesser.
          before: async (session) => {
            const [user] = await db().select({ disabledAt: users.disabledAt }).from(users).where(eq(users.id, session.userId));
            if (!user || user.disabledAt) throw new APIError("FORBIDDEN", { message: "This account is disabled", code: "ACCOUNT_DISABLED" });
          },
          after: async (session, ctx) => {
            // The client address as every other audited request reads it (lib/http/request-origin.ts).
            const origin = ctx?.headers ? requestOrigin(ctx.headers) : { ip: session.ipAddress ?? null, userAgent: session.userAgent ?? null };
            await inAuditedTransaction({ type: "staff", id: session.userId }, origin, ({ audit }) =>
              audit({
                action: "staff.signed_in",
                subject: { type: "staff", id: session.userId },
                detail: { method: ctx?.path?.startsWith("/callback/") ? "microsoft" : "password" },
              }),
            );
          },
        },
        delete: {
          after: async (session, ctx) => {
            // Expired sessions are deleted too; only a sign-out is a staff action.
            if (ctx?.path !== "/sign-out") return;
            const origin = { ip: session.ipAddress ?? null, userAgent: session.userAgent ?? null };
            await inAuditedTransaction({ type: "staff", id: session.userId }, origin, ({ audit }) =>
              audit({ action: "staff.signed_out", subject: { type: "staff", id: session.userId } }),
            );
          },
        },
      },
      account: {
        create: {
          after: async (account) => {
            if (account.providerId === "credential") return;
            await inAuditedTransaction({ type: "staff", id: account.userId }, null, ({ audit }) =>
              audit({ action: "staff.sign_in_linked", subject: { type: "staff", id: account.userId }, detail: { provider: account.providerId } }),
            );
          },
        },
      },
    },
    // Must stay last: lets server actions set the cookies of better-auth calls.
    plugins: [nextCookies()],
  });
}

export type StaffAuth = ReturnType<typeof createAuth>;

let shared: StaffAuth | undefined;

/** The process-wide better-auth instance, created on first use (after configuration is loaded). */
export function auth(): StaffAuth {
  shared ??= createAuth();
  return shared;
}

/** For tests that change configuration between cases. */
export function resetAuth() {
  shared = undefined;
}
