import type { RouteName, SimExchange, SimMailbox, SimRoleAssignment } from "./model";

/**
 * How Exchange Online decides app-only access with RBAC for Applications: a Graph
 * application permission in the token (tenant-wide admin consent) lets the app into every
 * mailbox; otherwise a role assignment of the matching "Application …" role to the app's
 * service principal does, for the mailboxes its management scope covers (no scope: the
 * whole organisation). Graph grants and RBAC grants add up: the scope limits nothing while
 * the token still carries the role. New assignments take effect after the cache delay.
 */

/** The Exchange application roles that allow each Graph route (learn.microsoft.com/exchange/permissions-exo/application-rbac). */
export const RBAC_ROLES_FOR: Partial<Record<RouteName, string[]>> = {
  "calendar.list": ["Application Calendars.Read", "Application Calendars.ReadWrite"],
  "calendar.create": ["Application Calendars.ReadWrite"],
  "calendar.delete": ["Application Calendars.ReadWrite"],
  "contacts.list": ["Application Contacts.Read", "Application Contacts.ReadWrite"],
  "contacts.create": ["Application Contacts.ReadWrite"],
  "contacts.delete": ["Application Contacts.ReadWrite"],
  "mail.send": ["Application Mail.Send"],
};

/** The application roles a role assignment may name (the ones the portal's sync needs, and their read-only siblings). */
export const APPLICATION_ROLES = [
  "Application Calendars.Read",
  "Application Calendars.ReadWrite",
  "Application Contacts.Read",
  "Application Contacts.ReadWrite",
  "Application Mail.Send",
] as const;

/** The assignments Exchange applies for this app now (registered service principal, cache delay over). */
export function effectiveAssignments(exchange: SimExchange, appId: string, now = Date.now()): SimRoleAssignment[] {
  if (!exchange.servicePrincipals.has(appId)) return [];
  return exchange.assignments.filter((a) => a.appId === appId && a.createdAt + exchange.cacheDelayMs <= now);
}

/** Whether the assignment's scope covers the mailbox. */
export function inScope(exchange: SimExchange, assignment: SimRoleAssignment, mailbox: SimMailbox): boolean {
  if (!assignment.scope) return true;
  const scope = exchange.scopes.get(assignment.scope.toLowerCase());
  if (!scope || scope.tenantId !== mailbox.tenantId) return false;
  const group = exchange.groups.get(scope.memberOfGroup.toLowerCase());
  return Boolean(group?.members.includes(mailbox.address.toLowerCase()));
}

/** Whether an RBAC assignment lets the app use this route on this mailbox. */
export function rbacAllows(exchange: SimExchange, appId: string, route: RouteName, mailbox: SimMailbox, now = Date.now()): boolean {
  const roles = RBAC_ROLES_FOR[route];
  if (!roles) return false;
  return effectiveAssignments(exchange, appId, now).some((a) => roles.includes(a.role) && inScope(exchange, a, mailbox));
}
