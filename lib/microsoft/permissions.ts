/**
 * The Microsoft Graph application permissions the sync needs: the one definition
 * that verification checks against and the guide's setup scripts grant.
 * Ids: DESIGN §5 (Microsoft Graph's published app roles).
 */

export const MICROSOFT_GRAPH_APP_ID = "00000003-0000-0000-c000-000000000000";

export type RequiredPermission = {
  /** The app role's value, as it appears in a token's `roles` claim. */
  name: "Calendars.ReadWrite" | "Contacts.ReadWrite" | "Mail.Send";
  /** The app role id on the Microsoft Graph service principal. */
  id: string;
  /** The group the Entra admin center lists it under in "Select permissions". */
  group: "Calendars" | "Contacts" | "Mail";
  /** What the sync does with it, in words for an email administrator. */
  purpose: string;
};

export const REQUIRED_PERMISSIONS: readonly RequiredPermission[] = [
  {
    name: "Calendars.ReadWrite",
    id: "ef54d2bf-783f-4e0f-bca1-3210c0444d99",
    group: "Calendars",
    purpose: "read and write each agent's calendar events",
  },
  {
    name: "Contacts.ReadWrite",
    id: "6918b873-d17a-4dc1-b314-35f528134491",
    group: "Contacts",
    purpose: "read and write each agent's contacts",
  },
  {
    name: "Mail.Send",
    id: "b633e1c5-b582-4048-a93e-9f11b44c7e96",
    group: "Mail",
    purpose: "send email as the agent, from the agent's own mailbox",
  },
] as const;

export const REQUIRED_PERMISSION_NAMES = REQUIRED_PERMISSIONS.map((p) => p.name);
