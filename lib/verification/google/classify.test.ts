import { describe, expect, it } from "vitest";
import { failureOfAnswer } from "../../google/failures";
import { nextGoogleRetryDelay } from "../../google/transporter";
import { RetryBudget } from "../../microsoft/http";
import { classifyApiFailure, classifyTokenFailure } from "./classify";

/**
 * Replays of error bodies Google publishes (its API error guides) or that its clients'
 * users have posted verbatim, classified as a Google run would.
 */

const token = (status: number, body: unknown) => classifyTokenFailure(failureOfAnswer(status, body));
const api = (status: number, body: unknown) => classifyApiFailure(failureOfAnswer(status, body));

describe("the token endpoint's answers", () => {
  it("reads unauthorized_client as a scope the client id is not authorised for", () => {
    // googleapis/google-api-php-client#2214
    const body = { error: "unauthorized_client", error_description: "Client is unauthorized to retrieve access tokens using this method, or client not authorized for any of the scopes requested." };
    expect(token(401, body)).toMatchObject({ status: "fail", reason: "scope-missing", google: { code: "unauthorized_client", httpStatus: 401 } });
    // The shorter, older wording is the same code.
    expect(token(401, { error: "unauthorized_client", error_description: "Client is unauthorized to retrieve access tokens using this method." }).reason).toBe("scope-missing");
  });

  it.each([
    ["Invalid email or User ID", "fail", "mailbox-not-found"],
    ["Not a valid email or user ID.", "fail", "mailbox-not-found"],
    ["Invalid JWT Signature.", "error", "vendor-config"],
    ["Invalid JWT: Token must be a short-lived token (60 minutes) and in a reasonable timeframe. Check your iat and exp values in the JWT claim.", "error", "vendor-config"],
    ["Invalid grant: account not found", "error", "vendor-config"],
  ])("tells invalid_grant “%s” apart by its description's start", (description, status, reason) => {
    expect(token(400, { error: "invalid_grant", error_description: description })).toMatchObject({ status, reason });
  });

  it("leaves an invalid_grant it does not know unexpected, not a guess", () => {
    expect(token(400, { error: "invalid_grant", error_description: "Something else entirely" })).toMatchObject({ status: "error", reason: "unexpected" });
  });

  it("blames the vendor for a disabled or deleted service account", () => {
    expect(token(401, { error: "invalid_client", error_description: "The OAuth client was not found." })).toMatchObject({ status: "error", reason: "vendor-config" });
    expect(token(400, { error: "disabled_client", error_description: "The OAuth client was disabled." })).toMatchObject({ status: "error", reason: "vendor-config" });
  });

  it("reads 5xx as Google unavailable and 429 as throttled", () => {
    expect(token(503, { error: "internal_failure", error_description: "Backend Error" })).toMatchObject({ status: "error", reason: "google-unavailable" });
    expect(token(429, { error: "rate_limit_exceeded", error_description: "Rate limit exceeded" })).toMatchObject({ status: "error", reason: "throttled" });
  });
});

describe("the APIs' answers", () => {
  it("reads a 403 rateLimitExceeded as throttling, not a refusal", () => {
    // Calendar API, Handle API errors: 403: Rate Limit Exceeded.
    const body = { error: { errors: [{ domain: "usageLimits", reason: "rateLimitExceeded", message: "Rate Limit Exceeded" }], code: 403, message: "Rate Limit Exceeded" } };
    expect(api(403, body)).toMatchObject({ status: "error", reason: "throttled", google: { code: "rateLimitExceeded" } });
    const user = { error: { errors: [{ domain: "usageLimits", reason: "userRateLimitExceeded", message: "User Rate Limit Exceeded" }], code: 403, message: "User Rate Limit Exceeded" } };
    expect(api(403, user).reason).toBe("throttled");
    const quota = { error: { errors: [{ domain: "usageLimits", reason: "quotaExceeded", message: "Calendar usage limits exceeded." }], code: 403, message: "Calendar usage limits exceeded." } };
    expect(api(403, quota).reason).toBe("throttled");
  });

  it("reads the People API's newer envelope (no errors[]) by status and details", () => {
    const body = {
      error: {
        code: 429,
        message: "Quota exceeded for quota metric 'Read requests' and limit 'Read requests per minute per user' of service 'people.googleapis.com'.",
        status: "RESOURCE_EXHAUSTED",
        details: [{ "@type": "type.googleapis.com/google.rpc.ErrorInfo", reason: "RATE_LIMIT_EXCEEDED", domain: "googleapis.com" }],
      },
    };
    expect(api(429, body)).toMatchObject({ status: "error", reason: "throttled", google: { code: "RATE_LIMIT_EXCEEDED" } });
  });

  it("blames the vendor when the API is disabled in its project", () => {
    const body = {
      error: {
        code: 403,
        message: "Gmail API has not been used in project 123 before or it is disabled.",
        errors: [{ message: "Gmail API has not been used in project 123 before or it is disabled.", domain: "usageLimits", reason: "accessNotConfigured" }],
        status: "PERMISSION_DENIED",
        details: [{ "@type": "type.googleapis.com/google.rpc.ErrorInfo", reason: "SERVICE_DISABLED", domain: "googleapis.com", metadata: { service: "gmail.googleapis.com" } }],
      },
    };
    expect(api(403, body)).toMatchObject({ status: "error", reason: "vendor-config", google: { code: "SERVICE_DISABLED" } });
  });

  it("reads insufficient scopes as a missing scope", () => {
    const body = {
      error: {
        code: 403,
        message: "Request had insufficient authentication scopes.",
        errors: [{ message: "Insufficient Permission", domain: "global", reason: "insufficientPermissions" }],
        status: "PERMISSION_DENIED",
        details: [{ "@type": "type.googleapis.com/google.rpc.ErrorInfo", reason: "ACCESS_TOKEN_SCOPE_INSUFFICIENT", domain: "googleapis.com" }],
      },
    };
    expect(api(403, body)).toMatchObject({ status: "fail", reason: "scope-missing" });
  });

  it("reads a service turned off for the user as mailbox-not-enabled", () => {
    expect(api(403, { error: { errors: [{ domain: "calendar", reason: "notACalendarUser", message: "The user must be signed up for Google Calendar." }], code: 403, message: "The user must be signed up for Google Calendar." } })).toMatchObject({ status: "fail", reason: "mailbox-not-enabled" });
    expect(api(400, { error: { code: 400, message: "Mail service not enabled", errors: [{ message: "Mail service not enabled", domain: "global", reason: "failedPrecondition" }], status: "FAILED_PRECONDITION" } })).toMatchObject({ status: "fail", reason: "mailbox-not-enabled" });
  });

  it("reads 503 backendError as Google unavailable", () => {
    expect(api(503, { error: { errors: [{ domain: "global", reason: "backendError", message: "Backend Error" }], code: 503, message: "Backend Error" } })).toMatchObject({ status: "error", reason: "google-unavailable" });
  });

  it("leaves an undocumented 401 authError for a fresh token unexpected", () => {
    // Calendar API, Handle API errors: 401: Invalid Credentials.
    const body = { error: { errors: [{ domain: "global", reason: "authError", message: "Invalid Credentials", locationType: "header", location: "Authorization" }], code: 401, message: "Invalid Credentials" } };
    expect(api(401, body)).toMatchObject({ status: "error", reason: "unexpected", google: { code: "authError" } });
  });

  it("classifies by structure, whatever the message says", () => {
    const body = { error: { errors: [{ domain: "usageLimits", reason: "rateLimitExceeded", message: "Texte traduit" }], code: 403, message: "Texte traduit" } };
    expect(api(403, body).reason).toBe("throttled");
  });
});

describe("the one retry layer", () => {
  const headers = (h: Record<string, string> = {}) => new Headers(h);
  it("waits Retry-After for throttling, 403 rate limits included, within the budget", () => {
    const budget = new RetryBudget(3_000);
    expect(nextGoogleRetryDelay(failureOfAnswer(429, {}), headers({ "retry-after": "2" }), 1, budget)).toBe(2_000);
    expect(nextGoogleRetryDelay(failureOfAnswer(403, { error: { errors: [{ reason: "rateLimitExceeded" }] } }), headers(), 1, budget)).toBe(500);
    expect(nextGoogleRetryDelay(failureOfAnswer(429, {}), headers({ "retry-after": "5" }), 1, budget)).toBeUndefined();
  });

  it("does not retry refusals or a daily quota", () => {
    const budget = new RetryBudget(10_000);
    expect(nextGoogleRetryDelay(failureOfAnswer(403, { error: { errors: [{ reason: "insufficientPermissions" }] } }), headers(), 1, budget)).toBeUndefined();
    expect(nextGoogleRetryDelay(failureOfAnswer(403, { error: { errors: [{ reason: "dailyLimitExceeded" }] } }), headers(), 1, budget)).toBeUndefined();
    expect(nextGoogleRetryDelay(failureOfAnswer(401, { error: "unauthorized_client" }), headers(), 1, budget)).toBeUndefined();
  });
});
