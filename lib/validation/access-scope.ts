/**
 * How far the app reaches (DESIGN §9): every mailbox through Graph application permissions
 * with tenant-wide admin consent (`organization`), or only a management scope's mailboxes
 * through Exchange Online RBAC for Applications (`exchange-rbac`; the token then carries no
 * `roles`). Kept here, below the form, the run and the database, which all use the names.
 */
export const ACCESS_SCOPES = ["organization", "exchange-rbac"] as const;
export type AccessScope = (typeof ACCESS_SCOPES)[number];

export const ACCESS_SCOPE_LABELS: Record<AccessScope, string> = {
  organization: "The whole organisation",
  "exchange-rbac": "Limited to a group of agents (Exchange RBAC for Applications)",
};
