const STAFF_PATH = /^\/staff(\/|\?|$)/;

/** Where to go after sign-in: only a path inside the staff area, never another site. */
export function safeNextPath(value: unknown): string {
  if (typeof value !== "string" || !STAFF_PATH.test(value)) return "/staff";
  try {
    const url = new URL(value, "http://portal.invalid");
    if (url.origin !== "http://portal.invalid" || !STAFF_PATH.test(url.pathname) || url.pathname.startsWith("/staff/sign-in")) return "/staff";
    return `${url.pathname}${url.search}`;
  } catch {
    return "/staff";
  }
}
