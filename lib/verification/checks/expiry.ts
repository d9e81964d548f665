import { EXPIRY_GRACE_DAYS, EXPIRY_MAX_MONTHS, EXPIRY_WARNING_DAYS } from "../policy";
import type { RunContext } from "../context";
import { passed, problem, type CheckOutcome } from "../results";

const DAY = 86_400_000;

const utcDay = (d: Date) => Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate());

function addMonths(day: number, months: number) {
  const d = new Date(day);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, d.getUTCDate());
}

const inDays = (n: number) => (n === 0 ? "today" : n === 1 ? "tomorrow" : `in ${n} days`);

/** `secret.expiry`: the stated expiry is in the future and within what the portal offers. */
export async function checkSecretExpiry(ctx: RunContext): Promise<CheckOutcome> {
  const stated = ctx.input.secretExpiresOn!;
  // A certificate's date was read from the certificate; a secret's was typed.
  const what = ctx.input.clientCertificate ? "certificate" : "secret";
  const expires = Date.parse(`${stated}T00:00:00Z`);
  const today = utcDay(ctx.now());
  const days = Math.round((expires - today) / DAY);
  if (days < 0) {
    return problem("fail", "secret-expiry-past", { facts: `${stated} was ${-days} day${days === -1 ? "" : "s"} ago.`, data: { expiresOn: stated, days } });
  }
  if (expires > addMonths(today, EXPIRY_MAX_MONTHS) + EXPIRY_GRACE_DAYS * DAY) {
    return problem("warn", "secret-expiry-too-far", { facts: `${stated} is more than ${EXPIRY_MAX_MONTHS} months away.`, data: { expiresOn: stated, days } });
  }
  if (days <= EXPIRY_WARNING_DAYS) {
    return problem("warn", "secret-expiring-soon", { facts: `The ${what} expires ${inDays(days)}, on ${stated}.`, data: { expiresOn: stated, days } });
  }
  return passed("Expiry date accepted", `The ${what} expires on ${stated}, ${inDays(days)}.`, { expiresOn: stated, days, source: what });
}
