/** When a credential nears its expiry: shared by the expiry reminders, rotation and the administrator's home. */
export { daysUntil } from "./text";

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
