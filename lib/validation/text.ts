/** Checks on pasted text that every field shares. */

/**
 * Control characters (C0, DEL, C1) and invisible format characters such as
 * zero-width spaces, which arrive with text copied from web pages and chat.
 */
const HIDDEN = /[\p{Cc}\p{Cf}]/u;

export function hasHiddenCharacters(value: string): boolean {
  return HIDDEN.test(value);
}

/** True when trimming would change the value: the form tells the user it did. */
export function hasSurroundingSpace(value: string): boolean {
  return value.length > 0 && value.trim() !== value;
}

/** A date as YYYY-MM-DD in UTC, the form the database stores. */
export function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export function addDays(isoDay: string, days: number): string {
  const date = new Date(`${isoDay}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return isoDate(date);
}

export function addMonths(isoDay: string, months: number): string {
  const date = new Date(`${isoDay}T00:00:00Z`);
  date.setUTCMonth(date.getUTCMonth() + months);
  return isoDate(date);
}

/**
 * Whole days from today (UTC) to a YYYY-MM-DD date: 0 on the day itself, negative after.
 * A secret stays usable on its stated expiry day; it counts as expired from the day after.
 */
export function daysUntil(day: string, now: Date): number {
  return Math.round((Date.parse(`${day}T00:00:00Z`) - Date.parse(`${isoDate(now)}T00:00:00Z`)) / 86_400_000);
}
