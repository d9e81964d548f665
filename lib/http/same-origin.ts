import { env } from "../env";

/**
 * Our own cross-site request check for state-changing actions, on top of Next's
 * (which compares Origin with Host, both of which a request can choose): the
 * Origin must be this portal's public origin from APP_URL. Browsers send Origin on
 * every POST; without it, only Fetch Metadata saying same-origin is accepted.
 */
export function isSameOrigin(headers: Headers, appUrl = env().APP_URL): boolean {
  const origin = headers.get("origin");
  if (origin) return origin === new URL(appUrl).origin;
  return headers.get("sec-fetch-site") === "same-origin";
}
