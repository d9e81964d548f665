import { env } from "../env";

/**
 * Where the Google clients send their requests (DESIGN §8, §10). google-auth-library posts
 * to the constant GOOGLE_TOKEN_URL (also the assertion's `aud`): the portal's transporter
 * rewrites it to `tokenUrl`. Each API takes its own root, or the one configured for all.
 */

export const GOOGLE_TOKEN_URL = "https://oauth2.googleapis.com/token";

export type GoogleApi = "calendar" | "people" | "gmail";

const OWN_ROOTS: Record<GoogleApi, string> = {
  calendar: "https://www.googleapis.com",
  people: "https://people.googleapis.com",
  gmail: "https://gmail.googleapis.com",
};

export type GoogleEndpoints = { tokenUrl: string; apiRoot?: string };

export function configuredGoogleEndpoints(): GoogleEndpoints {
  const e = env();
  return { tokenUrl: e.GOOGLE_OAUTH_TOKEN_URL, apiRoot: e.GOOGLE_API_ROOT };
}

/** The `rootUrl` the generated clients take (with its trailing slash). */
export const rootUrlOf = (endpoints: GoogleEndpoints, api: GoogleApi) => `${endpoints.apiRoot ?? OWN_ROOTS[api]}/`;
