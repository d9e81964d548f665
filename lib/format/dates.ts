/**
 * Dates as people read them, the one set of formats for emails, staff pages and the
 * brokerage's pages. Each formatter is made once: toLocaleString builds a new one on
 * every call, which shows on busy pages.
 */

const dateFormat = new Intl.DateTimeFormat("en-US", { year: "numeric", month: "long", day: "numeric", timeZone: "UTC" });
const dateTimeFormat = new Intl.DateTimeFormat("en-US", {
  year: "numeric",
  month: "short",
  day: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  hour12: false,
  timeZone: "UTC",
});

/** Emails and staff pages: "March 14, 2026", in UTC so every reader sees the same day. */
export function formatDate(date: Date): string {
  return dateFormat.format(date);
}

/** A day as the database stores it (YYYY-MM-DD), in the same words as formatDate. */
export function formatDay(isoDay: string): string {
  return formatDate(new Date(`${isoDay}T00:00:00Z`));
}

/** Staff pages: "Mar 14, 2026, 09:30 UTC". */
export function formatDateTime(date: Date): string {
  return `${dateTimeFormat.format(date)} UTC`;
}

const timeOfDayFormat = new Intl.DateTimeFormat("en-GB", { hour: "2-digit", minute: "2-digit", second: "2-digit", timeZone: "UTC" });

/** Staff lists grouped by day: "09:30:12", in UTC like the day heading above it. */
export function formatTimeOfDay(date: Date): string {
  return timeOfDayFormat.format(date);
}

const TIME: Intl.DateTimeFormatOptions = { hour: "2-digit", minute: "2-digit" };
const DATE_AND_TIME: Intl.DateTimeFormatOptions = { day: "numeric", month: "long", year: "numeric", ...TIME };
const localFormats = new Map<string, Intl.DateTimeFormat>();

function localFormat(withDate: boolean, zone: "reader" | "UTC"): Intl.DateTimeFormat {
  const key = `${withDate}:${zone}`;
  let format = localFormats.get(key);
  if (!format) {
    // Made on first use, so a browser's formatter carries the browser's own time zone.
    const options = withDate ? DATE_AND_TIME : TIME;
    format = new Intl.DateTimeFormat("en-GB", zone === "UTC" ? { ...options, timeZone: "UTC" } : options);
    localFormats.set(key, format);
  }
  return format;
}

/** The brokerage's pages: "14 March 2026 at 09:30" or "09:30", in the reader's time zone. */
export function formatLocalTime(date: Date, withDate = false): string {
  return localFormat(withDate, "reader").format(date);
}

/** What the server renders before the browser knows the reader's zone: the same in UTC. */
export function formatUtcTime(date: Date, withDate = false): string {
  return `${localFormat(withDate, "UTC").format(date)} UTC`;
}
