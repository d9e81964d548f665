import "server-only";
import { configuredGoogleEndpoints, type GoogleEndpoints } from "../../google/endpoints";
import type { GoogleScopeKey } from "../../google/scopes";
import { configuredServiceAccount, ServiceAccountKeyError, type ServiceAccount } from "../../google/service-account";
import { logger as rootLogger } from "../../logger";
import { RetryBudget } from "../../microsoft/http";
import { DEFAULT_TIMEOUTS } from "../policy";
import { skipped } from "../results";
import { executePlan, type PlannedCheck, type ResultOf } from "../runner";
import { report } from "../run";
import type { CheckId, CheckResult, RunOptions, VerificationReport } from "../types";
import { checkGoogleCalendarRead, checkGoogleCalendarWrite, checkGoogleContactsRead, checkGoogleContactsWrite, checkGoogleInput, checkGoogleMailSend, checkGoogleToken } from "./checks";
import type { GoogleRunContext } from "./context";
import { googleInputProblems, normaliseGoogleInput, type GoogleVerificationInput } from "./input";

/**
 * A Google Workspace run (DESIGN §10) on the one runner and contract: three round trips on
 * the critical path. The token requests, one per scope, all at once; then the two reads,
 * the two creates beside them and the test message; then the two deletes. Bounded by
 * `timeouts.runMs`; test items are deleted even after that. The key and the tokens stay in
 * memory: never logged or stored.
 */

export type GoogleRunOptions = Pick<RunOptions, "onProgress" | "signal" | "now" | "timeouts" | "logger" | "sequential"> & {
  /** Google's endpoints; GOOGLE_OAUTH_TOKEN_URL and GOOGLE_API_ROOT by default. */
  endpoints?: GoogleEndpoints;
  /** The vendor's service account; GOOGLE_SERVICE_ACCOUNT_KEY_FILE by default. */
  account?: ServiceAccount | null;
};

function loadAccount(options: GoogleRunOptions): { account: ServiceAccount | null; problem?: string } {
  if (options.account !== undefined) return { account: options.account };
  try {
    return { account: configuredServiceAccount() };
  } catch (error) {
    if (error instanceof ServiceAccountKeyError) return { account: null, problem: error.message };
    throw error;
  }
}

/** The check waits for the token, then runs only when its own scope's token was issued. */
const scopeGate =
  (ctx: GoogleRunContext, key: GoogleScopeKey) =>
  async (resultOf: ResultOf): Promise<CheckId[]> => {
    await resultOf("token");
    return ctx.clients.has(key) ? ["input"] : ["token"];
  };

export async function runGoogleVerification(input: GoogleVerificationInput, options: GoogleRunOptions = {}): Promise<VerificationReport> {
  const startedAt = new Date();
  const started = performance.now();
  const values = normaliseGoogleInput(input);
  const timeouts = { ...DEFAULT_TIMEOUTS, ...options.timeouts };
  const deadline = new AbortController();
  const timer = setTimeout(() => deadline.abort(), timeouts.runMs);
  const signal = options.signal ? AbortSignal.any([deadline.signal, options.signal]) : deadline.signal;
  const { account, problem } = loadAccount(options);
  const ctx: GoogleRunContext = {
    input: values,
    inputProblems: googleInputProblems(values),
    account,
    accountProblem: problem,
    endpoints: options.endpoints ?? configuredGoogleEndpoints(),
    timeouts,
    budget: new RetryBudget(timeouts.retryBudgetMs),
    signal,
    logger: (options.logger ?? rootLogger()).child({ component: "verification", provider: "google" }),
    now: options.now ?? (() => new Date()),
    clients: new Map(),
  };
  const describeError = (error: unknown) => {
    let text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    const secrets = [account?.privateKey, ...[...ctx.clients.values()].map((c) => c.credentials.access_token)];
    for (const secret of secrets) if (secret) text = text.split(secret).join("[redacted]");
    return text;
  };
  const plan: PlannedCheck[] = [
    { id: "input", run: () => checkGoogleInput(ctx) },
    { id: "token", run: () => checkGoogleToken(ctx) },
    { id: "calendar.read", run: () => checkGoogleCalendarRead(ctx), dependsOn: scopeGate(ctx, "calendar") },
    { id: "calendar.write", run: () => checkGoogleCalendarWrite(ctx), overlaps: ["calendar.read"] },
    { id: "contacts.read", run: () => checkGoogleContactsRead(ctx), dependsOn: scopeGate(ctx, "contacts") },
    { id: "contacts.write", run: () => checkGoogleContactsWrite(ctx), overlaps: ["contacts.read"] },
    {
      id: "mail.send",
      run: () => checkGoogleMailSend(ctx),
      dependsOn: scopeGate(ctx, "mail"),
      skipWhen: () => (ctx.input.sendTestMessage ? undefined : skipped("Not checked: sending a test message was turned off.", { turnedOff: true })),
    },
  ];
  let checks: CheckResult[];
  try {
    checks = await executePlan(plan, { sequential: options.sequential, onProgress: options.onProgress, logger: ctx.logger, describeError });
  } finally {
    clearTimeout(timer);
  }
  const result = report(checks, startedAt, started);
  ctx.logger.info(
    {
      outcome: result.outcome,
      durationMs: result.durationMs,
      domain: values.domain,
      checks: checks.map((c) => ({ id: c.id, status: c.status, reason: c.reason, code: c.google?.code })),
    },
    "verification finished",
  );
  return result;
}
