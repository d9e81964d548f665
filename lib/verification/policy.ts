import type { VerificationTimeouts } from "./types";

/**
 * The numbers a run works to. A run against a healthy tenant needs three sequential
 * round trips; these bounds keep a sick one to about half a minute.
 */
export const DEFAULT_TIMEOUTS: VerificationTimeouts = {
  requestMs: 10_000,
  retryBudgetMs: 8_000,
  runMs: 30_000,
  cleanupMs: 5_000,
};

/** A stated expiry closer than this gets a warning: the sync would stop soon. */
export const EXPIRY_WARNING_DAYS = 30;

/**
 * The Entra admin center offers secrets of up to 24 months; a date beyond that
 * (with a few days' grace for time zones and month lengths) is most likely a typo.
 */
export const EXPIRY_MAX_MONTHS = 24;
export const EXPIRY_GRACE_DAYS = 3;
