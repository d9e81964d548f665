import "server-only";
import { discoverTenant, type TenantDiscovery } from "../microsoft/discovery";
import { configuredEndpoints } from "../microsoft/endpoints";
import { RetryBudget } from "../microsoft/http";
import { isGuid } from "../validation/guid";
import { isMailboxAddress, mailboxDomain } from "../validation/mailbox";
import { logger as rootLogger } from "../logger";
import { checkInput } from "./checks/input";
import { checkCalendarRead, checkCalendarWrite, checkContactsRead, checkContactsWrite, checkMailSend, checkScopeOutside } from "./checks/mailbox";
import { checkSecretExpiry } from "./checks/expiry";
import { checkTenant } from "./checks/tenant";
import { checkPermissions, checkToken } from "./checks/token";
import { once, tokenHasNoRoles, type RunContext } from "./context";
import { inputProblems, normaliseInput, type InputField } from "./input";
import { DEFAULT_TIMEOUTS } from "./policy";
import { skipped } from "./results";
import { withRecheck } from "./recheck";
import { executePlan, type PlannedCheck, type ResultOf } from "./runner";
import { outcomeOf, type CheckId, type CheckResult, type RunOptions, type VerificationInput, type VerificationReport } from "./types";

/**
 * A verification run (DESIGN §4) in three round trips on the critical path:
 * discovery and the token request together; then the two reads and the two creates
 * (each create beside its read, whose result still decides whether the write counts);
 * then the two deletes and the test message, which waits for the reads so that no
 * more than Exchange's 4 requests per mailbox are ever in flight. The run is bounded by
 * `timeouts.runMs`; test items are deleted even after that. The secret and the
 * token stay in memory: they are never logged or stored.
 *
 * A token without roles (Exchange RBAC for Applications) keeps the same three round trips:
 * the mailbox checks then wait for the token instead of `permissions`, and `permissions`
 * reports what they proved. The probe of the mailbox outside the scope goes out with the reads.
 */

export type Run = { ctx: RunContext; finish: () => void; describeError: (error: unknown) => string };

/** The shared state of one run, its time limit started. */
export function startRun(input: Partial<VerificationInput>, options: RunOptions, fields: readonly InputField[]): Run {
  const values = normaliseInput(input);
  const timeouts = { ...DEFAULT_TIMEOUTS, ...options.timeouts };
  const endpoints = options.endpoints ?? configuredEndpoints();
  const deadline = new AbortController();
  const timer = setTimeout(() => deadline.abort(), timeouts.runMs);
  const signal = options.signal ? AbortSignal.any([deadline.signal, options.signal]) : deadline.signal;
  const budget = new RetryBudget(timeouts.retryBudgetMs);
  const discover = (identifier: string) => (): Promise<TenantDiscovery> =>
    discoverTenant(identifier, { authorityHost: endpoints.authorityHost, timeoutMs: timeouts.requestMs, budget, signal }).catch(
      (): TenantDiscovery => ({ status: "unavailable" }),
    );
  const ctx: RunContext = {
    input: values,
    inputFields: fields,
    inputProblems: inputProblems(values, fields),
    endpoints,
    timeouts,
    budget,
    signal,
    logger: (options.logger ?? rootLogger()).child({ component: "verification" }),
    now: options.now ?? (() => new Date()),
    rbacSettlesAt: options.rbacSettlesAt,
    testItems: options.testItems,
    tenantLookup: once(discover(values.tenantId)),
    domainLookup: once(discover(isMailboxAddress(values.testMailbox) ? mailboxDomain(values.testMailbox) : "")),
  };
  const describeError = (error: unknown) => {
    let text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    for (const secret of [values.clientSecret, values.clientCertificate?.privateKeyPem, ctx.token?.accessToken]) if (secret) text = text.split(secret).join("[redacted]");
    return text;
  };
  return { ctx, describeError, finish: () => clearTimeout(timer) };
}

export function report(checks: CheckResult[], startedAt: Date, started: number): VerificationReport {
  return {
    outcome: outcomeOf(checks),
    startedAt: startedAt.toISOString(),
    finishedAt: new Date().toISOString(),
    durationMs: Math.round(performance.now() - started),
    checks,
  };
}

const ALL_FIELDS: InputField[] = ["tenantId", "clientId", "clientSecret", "testMailbox", "secretExpiresOn", "outsideMailbox"];
/** With a certificate there is no secret to check: the certificate itself was read when it was opened. */
const CERTIFICATE_FIELDS: InputField[] = ["tenantId", "clientId", "testMailbox", "secretExpiresOn", "outsideMailbox"];

/** Without roles the mailbox checks go ahead after the token; `permissions` then waits for them. */
const mailboxGate =
  (ctx: RunContext) =>
  async (resultOf: ResultOf): Promise<CheckId[]> => {
    await resultOf("token");
    return tokenHasNoRoles(ctx) ? ["token"] : ["permissions"];
  };

export async function runVerification(input: VerificationInput, options: RunOptions = {}): Promise<VerificationReport> {
  return withRecheck(
    () => runOnce(input, options),
    (r) => r.checks,
    (second, checks, first, firstReasons) => ({
      ...second,
      outcome: outcomeOf(checks),
      startedAt: first.startedAt,
      durationMs: Date.parse(second.finishedAt) - Date.parse(first.startedAt),
      checks,
      recheck: { afterMs: options.recheckAfterMs!, firstReasons },
    }),
    { afterMs: options.recheckAfterMs, signal: options.signal },
  );
}

async function runOnce(input: VerificationInput, options: RunOptions): Promise<VerificationReport> {
  const startedAt = new Date();
  const started = performance.now();
  const { ctx, finish, describeError } = startRun(input, options, input.clientCertificate ? CERTIFICATE_FIELDS : ALL_FIELDS);
  if (!options.sequential) {
    // Discovery goes out alongside the token request, not before it.
    if (isGuid(ctx.input.tenantId)) void ctx.tenantLookup();
    if (isGuid(ctx.input.tenantId) && isMailboxAddress(ctx.input.testMailbox)) void ctx.domainLookup();
  }
  const gate = mailboxGate(ctx);
  const plan: PlannedCheck[] = [
    { id: "input", run: () => checkInput(ctx) },
    { id: "tenant", run: () => checkTenant(ctx) },
    { id: "token", run: () => checkToken(ctx) },
    { id: "permissions", run: (resultOf) => checkPermissions(ctx, resultOf), waitsForLater: true },
    { id: "calendar.read", run: () => checkCalendarRead(ctx), dependsOn: gate },
    { id: "calendar.write", run: () => checkCalendarWrite(ctx), overlaps: ["calendar.read"] },
    { id: "contacts.read", run: () => checkContactsRead(ctx), dependsOn: gate },
    { id: "contacts.write", run: () => checkContactsWrite(ctx), overlaps: ["contacts.read"] },
    {
      id: "mail.send",
      run: () => checkMailSend(ctx),
      dependsOn: gate,
      after: ["calendar.read", "contacts.read"],
      skipWhen: () => (ctx.input.sendTestMessage ? undefined : skipped("Not checked: sending a test message was turned off.", { turnedOff: true })),
    },
    {
      id: "secret.expiry",
      run: () => checkSecretExpiry(ctx),
      skipWhen: () => (ctx.input.secretExpiresOn ? undefined : skipped("Not checked: no expiry date was given.", { noDate: true })),
    },
    {
      id: "scope.outside",
      run: () => checkScopeOutside(ctx),
      skipWhen: () => (ctx.input.outsideMailbox ? undefined : skipped("Not checked: no mailbox outside the scope was given.", { noOutsideMailbox: true })),
    },
  ];
  let checks: CheckResult[];
  try {
    checks = await executePlan(plan, { sequential: options.sequential, onProgress: options.onProgress, logger: ctx.logger, describeError });
  } finally {
    finish();
  }
  const result = report(checks, startedAt, started);
  ctx.logger.info(
    {
      outcome: result.outcome,
      durationMs: result.durationMs,
      tenantId: ctx.input.tenantId,
      clientId: ctx.input.clientId,
      mailboxDomain: isMailboxAddress(ctx.input.testMailbox) ? mailboxDomain(ctx.input.testMailbox) : undefined,
      checks: checks.map((c) => ({ id: c.id, status: c.status, reason: c.reason, code: c.microsoft?.code })),
    },
    "verification finished",
  );
  return result;
}
