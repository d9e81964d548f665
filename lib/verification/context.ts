import type { Logger } from "pino";
import type { TenantDiscovery } from "../microsoft/discovery";
import type { MicrosoftEndpoints } from "../microsoft/endpoints";
import { graphMailbox, type GraphMailbox } from "../microsoft/graph-client";
import { RetryBudget } from "../microsoft/http";
import type { AppToken } from "../microsoft/token-client";
import type { InputField, InputProblem, NormalisedInput } from "./input";
import type { TestItemListener, VerificationTimeouts } from "./types";

/** Everything the checks of one run share. Holds the secret and token in memory only. */
export type RunContext = {
  input: NormalisedInput;
  /** The fields this run checks (the early credentials check has only three). */
  inputFields: readonly InputField[];
  inputProblems: InputProblem[];
  endpoints: MicrosoftEndpoints;
  timeouts: VerificationTimeouts;
  /** The run's one retry budget. */
  budget: RetryBudget;
  /** Aborts at the run's time limit or when the caller stops the run. */
  signal: AbortSignal;
  logger: Logger;
  now: () => Date;
  /** Discovery of the tenant id and of the mailbox's domain, each started once. */
  tenantLookup: () => Promise<TenantDiscovery>;
  domainLookup: () => Promise<TenantDiscovery>;
  /** Until then an RBAC for Applications refusal may be Exchange's cache (RunOptions.rbacSettlesAt). */
  rbacSettlesAt?: Date;
  /** Set by the token check. */
  token?: AppToken;
  /** RunOptions.testItems. */
  testItems?: TestItemListener;
};

export function once<T>(fn: () => T): () => T {
  let value: { v: T } | undefined;
  return () => (value ??= { v: fn() }).v;
}

/**
 * Graph for the test mailbox with the run's token, limits and signal. Creating a
 * test item is not cut off by the run's signal (only by its own timeout): an item
 * created after its request was abandoned could not be deleted.
 */
export function runMailbox(ctx: RunContext, options: { creating?: boolean } = {}): GraphMailbox {
  if (!ctx.token) throw new Error("No token: the token check must pass first");
  return graphMailbox({
    graphUrl: ctx.endpoints.graphUrl,
    accessToken: ctx.token.accessToken,
    clientId: ctx.input.clientId,
    mailbox: ctx.input.testMailbox,
    timeoutMs: ctx.timeouts.requestMs,
    budget: ctx.budget,
    signal: options.creating ? undefined : ctx.signal,
  });
}

/** The token carries no Graph application roles: only Exchange (RBAC for Applications) can decide what the app may do. */
export const tokenHasNoRoles = (ctx: RunContext) => Boolean(ctx.token?.claims) && !ctx.token!.claims!.roles.length;

/** Graph for the mailbox that must stay outside the scope: one read-only probe with the run's token. */
export function outsideMailbox(ctx: RunContext): GraphMailbox {
  if (!ctx.token || !ctx.input.outsideMailbox) throw new Error("No token or no outside mailbox");
  return graphMailbox({
    graphUrl: ctx.endpoints.graphUrl,
    accessToken: ctx.token.accessToken,
    clientId: ctx.input.clientId,
    mailbox: ctx.input.outsideMailbox,
    timeoutMs: ctx.timeouts.requestMs,
    budget: ctx.budget,
    signal: ctx.signal,
  });
}

/** Retries of a delete wait at most this long in total. */
const CLEANUP_RETRY_BUDGET_MS = 2_000;

/**
 * Graph for deleting test items: not tied to the run's signal, so items are
 * deleted even when the run's time is up or it was stopped.
 */
export function cleanupMailbox(ctx: RunContext): GraphMailbox {
  if (!ctx.token) throw new Error("No token: the token check must pass first");
  return graphMailbox({
    graphUrl: ctx.endpoints.graphUrl,
    accessToken: ctx.token.accessToken,
    clientId: ctx.input.clientId,
    mailbox: ctx.input.testMailbox,
    timeoutMs: ctx.timeouts.cleanupMs,
    budget: new RetryBudget(CLEANUP_RETRY_BUDGET_MS),
  });
}
