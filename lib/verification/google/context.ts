import type { JWT } from "google-auth-library";
import type { Logger } from "pino";
import { delegatedClient, withPolicy, type DelegatedUser } from "../../google/delegation";
import type { GoogleEndpoints } from "../../google/endpoints";
import type { GoogleScopeKey } from "../../google/scopes";
import { scopeOf } from "../../google/scopes";
import type { ServiceAccount } from "../../google/service-account";
import { RetryBudget } from "../../microsoft/http";
import type { VerificationTimeouts } from "../types";
import type { GoogleInputProblem, GoogleVerificationInput } from "./input";

/** Everything the checks of one Google run share. Holds the key and tokens in memory only. */
export type GoogleRunContext = {
  input: Required<GoogleVerificationInput>;
  inputProblems: GoogleInputProblem[];
  /** The vendor's service account; null when it is not configured (or unreadable). */
  account: ServiceAccount | null;
  accountProblem?: string;
  endpoints: GoogleEndpoints;
  timeouts: VerificationTimeouts;
  budget: RetryBudget;
  signal: AbortSignal;
  logger: Logger;
  now: () => Date;
  /** Set by the token check: a client holding a token, for each scope Google authorised. */
  clients: Map<GoogleScopeKey, JWT>;
};

const target = (ctx: GoogleRunContext): DelegatedUser => ({ account: ctx.account!, user: ctx.input.testUser, endpoints: ctx.endpoints });

/** A client requesting the scope's token under the run's limits. */
export const tokenClient = (ctx: GoogleRunContext, key: GoogleScopeKey) =>
  delegatedClient(target(ctx), scopeOf(key), { timeoutMs: ctx.timeouts.requestMs, budget: ctx.budget, signal: ctx.signal });

/**
 * The scope's client for a call: the run's signal, except when creating a test item (an
 * item created after its request was abandoned could not be deleted).
 */
export function scopeClient(ctx: GoogleRunContext, key: GoogleScopeKey, options: { creating?: boolean } = {}): JWT {
  const client = ctx.clients.get(key);
  if (!client) throw new Error(`No token for the ${key} scope`);
  return options.creating ? withPolicy(client, target(ctx), scopeOf(key), { timeoutMs: ctx.timeouts.requestMs, budget: ctx.budget }) : client;
}

/** Retries of a delete wait at most this long in total. */
const CLEANUP_RETRY_BUDGET_MS = 2_000;

/** For deleting test items: not tied to the run's signal, so items go even when the run's time is up. */
export function cleanupClient(ctx: GoogleRunContext, key: GoogleScopeKey): JWT {
  const client = ctx.clients.get(key);
  if (!client) throw new Error(`No token for the ${key} scope`);
  return withPolicy(client, target(ctx), scopeOf(key), { timeoutMs: ctx.timeouts.cleanupMs, budget: new RetryBudget(CLEANUP_RETRY_BUDGET_MS) });
}
