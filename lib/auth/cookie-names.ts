/** better-auth's cookie prefix for staff: the session cookie is `__Secure-staff.session_token`. */
export const STAFF_COOKIE_PREFIX = "staff";

/**
 * The brokerage administrator's session cookie. `__Host-` makes browsers keep it only
 * when Secure, Path=/ and without Domain, so no subdomain can set or shadow it. Browsers
 * treat http://localhost as secure, so dev, the demo and the e2e tests keep it too; a
 * plain-http address other than localhost gets no session (serve it over HTTPS).
 */
export const BROKERAGE_SESSION_COOKIE = "__Host-brokerage_session";
