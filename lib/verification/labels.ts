import type { CheckId } from "./types";

/** Short names for each check, for lists shown before and while a run goes. */
export const CHECK_LABELS: Record<CheckId, string> = {
  input: "Values entered",
  tenant: "Tenant",
  token: "App sign-in",
  permissions: "Permissions",
  "calendar.read": "Read calendar",
  "calendar.write": "Create and delete an event",
  "contacts.read": "Read contacts",
  "contacts.write": "Create and delete a contact",
  "mail.send": "Send a test message",
  "secret.expiry": "Secret expiry date",
  "scope.outside": "Mailbox outside the scope",
};
