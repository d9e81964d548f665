import { isoDate } from "../validation/text";

/**
 * Whole days from today (UTC) to a YYYY-MM-DD date: 0 on the day itself, negative after.
 * A secret stays usable on its stated expiry day; it counts as expired from the day after.
 */
export function daysUntil(day: string, now: Date): number {
  return Math.round((Date.parse(`${day}T00:00:00Z`) - Date.parse(`${isoDate(now)}T00:00:00Z`)) / 86_400_000);
}

/** Reminders go out this many days before expiry; 0 is the notice once it has passed. */
export const REMINDER_DAYS = [60, 30, 7] as const;
export const EXPIRED_NOTICE = 0;

/**
 * Which reminder is due with `daysLeft` to go: the most urgent threshold crossed, so a
 * worker that was down for a while sends one reminder, not a burst. Null when none is due.
 */
export function reminderDue(daysLeft: number): number | null {
  if (daysLeft < 0) return EXPIRED_NOTICE;
  const crossed = REMINDER_DAYS.filter((d) => daysLeft <= d);
  return crossed.length ? Math.min(...crossed) : null;
}
