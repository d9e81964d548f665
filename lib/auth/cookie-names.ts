/** better-auth's cookie prefix for staff: the session cookie is `__Secure-staff.session_token`. */
export const STAFF_COOKIE_PREFIX = "staff";
