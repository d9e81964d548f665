const STAFF_PATH = /^\/staff(\/|\?|$)/;

/** Where sign-in lands without a page to return to: the person's main page for their role. */
export const ROLE_HOME_PATH = "/staff/start";

/** Where to go after sign-in: only a path inside the staff area, never another site. */
export function safeNextPath(value: unknown): string {
  if (typeof value !== "string" || !STAFF_PATH.test(value)) return ROLE_HOME_PATH;
  try {
    const url = new URL(value, "http://portal.invalid");
    if (url.origin !== "http://portal.invalid" || !STAFF_PATH.test(url.pathname) || url.pathname.startsWith("/staff/sign-in")) return ROLE_HOME_PATH;
    return `${url.pathname}${url.search}`;
  } catch {
    return ROLE_HOME_PATH;
  }
}
