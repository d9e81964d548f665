import type { CheckId } from "../verification/types";

/**
 * What each check proves, in the administrator's words: the row labels of the live
 * results, which stay put while a check turns from waiting to its result.
 */
export const CHECK_ROW_LABELS: Record<CheckId, string> = {
  input: "Your answers are complete and well formed",
  tenant: "Your Microsoft 365 tenant exists and owns the test mailbox",
  token: "The app signs in with the client secret",
  permissions: "The app holds the three permissions, by admin consent or Exchange RBAC for Applications",
  "calendar.read": "The test mailbox's calendar can be read",
  "calendar.write": "A calendar event can be added and removed",
  "contacts.read": "The test mailbox's contacts can be read",
  "contacts.write": "A contact can be added and removed",
  "mail.send": "A message can be sent from the test mailbox",
  "secret.expiry": "The client secret's expiry date",
  "scope.outside": "A mailbox outside the agents' group stays out of reach",
};

/** The Google Workspace run's checks (DESIGN §10), under the same ids. */
export const GOOGLE_CHECK_IDS = ["input", "token", "calendar.read", "calendar.write", "contacts.read", "contacts.write", "mail.send"] as const satisfies readonly CheckId[];

export const GOOGLE_CHECK_ROW_LABELS: Record<(typeof GOOGLE_CHECK_IDS)[number], string> = {
  input: "Your answers are complete and well formed",
  token: "Google issues a token for each scope, acting as the test user",
  "calendar.read": "The test user's calendar can be read",
  "calendar.write": "A calendar event can be added and removed",
  "contacts.read": "The test user's contacts can be read",
  "contacts.write": "A contact can be added and removed",
  "mail.send": "A message can be sent from the test user",
};
