import "server-only";
import { calendar, type calendar_v3 } from "@googleapis/calendar";
import { gmail, type gmail_v1 } from "@googleapis/gmail";
import { people, type people_v1 } from "@googleapis/people";
import { JWT } from "google-auth-library";
import { rootUrlOf, type GoogleEndpoints } from "./endpoints";
import type { ServiceAccount } from "./service-account";
import { GoogleTransporter, type GooglePolicy } from "./transporter";

/**
 * Domain-wide delegation through the real clients: a JWT bearer grant with `sub` = the
 * user, for exactly one scope, so a refusal names the scope that is missing.
 */

export type DelegatedUser = { account: ServiceAccount; user: string; endpoints: GoogleEndpoints };

/** A client for one scope; its access token is requested by `authorize()` and kept in memory only. */
export function delegatedClient(target: DelegatedUser, scope: string, policy: Omit<GooglePolicy, "tokenUrl">): JWT {
  return new JWT({
    email: target.account.clientEmail,
    key: target.account.privateKey,
    scopes: [scope],
    subject: target.user,
    transporter: new GoogleTransporter({ ...policy, tokenUrl: target.endpoints.tokenUrl }),
  });
}

/** The same client's token with another transport policy (e.g. cleanup, which outlives the run's signal). */
export function withPolicy(client: JWT, target: DelegatedUser, scope: string, policy: Omit<GooglePolicy, "tokenUrl">): JWT {
  const copy = delegatedClient(target, scope, policy);
  copy.setCredentials(client.credentials);
  return copy;
}

export const calendarApi = (auth: JWT, endpoints: GoogleEndpoints): calendar_v3.Calendar =>
  calendar({ version: "v3", auth, rootUrl: rootUrlOf(endpoints, "calendar"), retry: false });

export const peopleApi = (auth: JWT, endpoints: GoogleEndpoints): people_v1.People =>
  people({ version: "v1", auth, rootUrl: rootUrlOf(endpoints, "people"), retry: false });

export const gmailApi = (auth: JWT, endpoints: GoogleEndpoints): gmail_v1.Gmail => gmail({ version: "v1", auth, rootUrl: rootUrlOf(endpoints, "gmail"), retry: false });
