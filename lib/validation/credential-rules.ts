import { isGuid, tidyGuid } from "./guid";
import { isMailboxAddress, MAILBOX_MAX_LENGTH } from "./mailbox";

/**
 * What makes a set of credentials well-formed, decided once: the credential form's
 * schema and the verification run's `input` check both ask these questions and only
 * choose their own words. Plain functions on already-trimmed values, no zod, no I/O.
 */

/** DESIGN §5: a client secret value is 16-64 characters (today's are 40). */
export const SECRET_VALUE_LENGTH = { min: 16, max: 64 } as const;

export type GuidProblem = "empty" | "not-guid";
export type SecretValueProblem = "empty" | "spaces" | "too-long" | "too-short";
export type MailboxProblem = "empty" | "too-long" | "not-address";

/** Trims, drops braces and capitals: a GUID as it is stored, whether or not it is one. */
export const tidyIdentifier = tidyGuid;

export function guidProblem(tidied: string): GuidProblem | null {
  if (!tidied) return "empty";
  return isGuid(tidied) ? null : "not-guid";
}

/** The Secret ID column of the Entra admin center is a GUID; a secret value never is. */
export const looksLikeSecretId = (secret: string) => isGuid(tidyGuid(secret));

export function secretValueProblem(trimmed: string): SecretValueProblem | null {
  if (!trimmed) return "empty";
  // Both columns of the secrets table pasted together arrive with spaces between.
  if (/\s/.test(trimmed)) return "spaces";
  if (trimmed.length > SECRET_VALUE_LENGTH.max) return "too-long";
  if (trimmed.length < SECRET_VALUE_LENGTH.min) return "too-short";
  return null;
}

export function mailboxProblem(trimmed: string): MailboxProblem | null {
  if (!trimmed) return "empty";
  if (trimmed.length > MAILBOX_MAX_LENGTH) return "too-long";
  return isMailboxAddress(trimmed) ? null : "not-address";
}

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar date written YYYY-MM-DD. */
export function isIsoDate(value: string): boolean {
  const m = ISO_DAY.exec(value);
  if (!m) return false;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return date.toISOString().slice(0, 10) === value;
}
