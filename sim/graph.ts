import { randomBytes } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { MICROSOFT_GRAPH_APP_ID } from "../lib/microsoft/permissions";
import type { SimContext } from "./context";
import { effectiveAssignments, rbacAllows } from "./exchange-rbac";
import type { RouteName, SimMailbox } from "./model";
import { sendGraphError, sendJson } from "./responses";

/**
 * The Microsoft Graph endpoints the checks call, under /v1.0/users/{id}: events,
 * contacts and sendMail, with Graph's status codes and error bodies for each
 * mailbox condition (unknown, unlicensed, on-premises, outside an access policy,
 * throttled).
 */

export type GraphTarget = { route: RouteName; mailboxId: string; itemId?: string };

const COLLECTIONS: Record<string, { list: RouteName; create: RouteName; remove: RouteName }> = {
  events: { list: "calendar.list", create: "calendar.create", remove: "calendar.delete" },
  contacts: { list: "contacts.list", create: "contacts.create", remove: "contacts.delete" },
};

/** Which Graph route a request is, from its method and path (undefined: not under /v1.0/users). */
export function graphTarget(method: string, pathname: string): GraphTarget | undefined {
  const segments = pathname.split("/").filter(Boolean).map(decodeURIComponent);
  if (segments[0] !== "v1.0" || segments[1]?.toLowerCase() !== "users" || !segments[2]) return undefined;
  const mailboxId = segments[2];
  let rest = segments.slice(3);
  if (rest[0]?.toLowerCase() === "calendar" && rest[1]?.toLowerCase() === "events") rest = rest.slice(1);
  const collection = COLLECTIONS[rest[0]?.toLowerCase() ?? ""];
  if (collection && rest.length === 1 && method === "GET") return { route: collection.list, mailboxId };
  if (collection && rest.length === 1 && method === "POST") return { route: collection.create, mailboxId };
  if (collection && rest.length === 2 && method === "DELETE") return { route: collection.remove, mailboxId, itemId: rest[1] };
  if (rest.length === 1 && rest[0]?.toLowerCase() === "sendmail" && method === "POST") return { route: "mail.send", mailboxId };
  return { route: "graph.other", mailboxId };
}

const ROLE_FOR: Partial<Record<RouteName, string[]>> = {
  "calendar.list": ["Calendars.Read", "Calendars.ReadWrite"],
  "calendar.create": ["Calendars.ReadWrite"],
  "calendar.delete": ["Calendars.ReadWrite"],
  "contacts.list": ["Contacts.Read", "Contacts.ReadWrite"],
  "contacts.create": ["Contacts.ReadWrite"],
  "contacts.delete": ["Contacts.ReadWrite"],
  "mail.send": ["Mail.Send"],
};

async function readJson(req: IncomingMessage): Promise<Record<string, unknown> | undefined> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  try {
    const value = JSON.parse(Buffer.concat(chunks).toString("utf8")) as unknown;
    return value && typeof value === "object" ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

const itemId = () => `AAMkAG${randomBytes(54).toString("base64url")}`;

type Caller = { appId: string; tenantId: string; roles: string[] };

function authenticate(ctx: SimContext, req: IncomingMessage, res: ServerResponse, clientRequestId?: string): Caller | undefined {
  const header = req.headers.authorization ?? "";
  const token = /^Bearer (.+)$/i.exec(header)?.[1];
  const reject = (message: string) => void sendGraphError(res, 401, "InvalidAuthenticationToken", message, { clientRequestId });
  if (!token) return reject("Access token is empty.");
  const claims = ctx.signer.verify(token);
  if (!claims) return reject("IDX14100: JWT is not well formed, there are no dots (.).");
  if (typeof claims.exp !== "number" || claims.exp * 1000 < Date.now()) return reject("Lifetime validation failed, the token is expired.");
  if (![ctx.graphUrl, "https://graph.microsoft.com", MICROSOFT_GRAPH_APP_ID].includes(String(claims.aud))) {
    return reject("Access token validation failure. Invalid audience.");
  }
  return {
    appId: String(claims.appid),
    tenantId: String(claims.tid),
    roles: Array.isArray(claims.roles) ? claims.roles.map(String) : [],
  };
}

/** Mailbox conditions Exchange reports before any item is touched; true when answered. */
function refuseMailbox(ctx: SimContext, res: ServerResponse, caller: Caller, target: GraphTarget, mailbox: SimMailbox | undefined, clientRequestId?: string) {
  const error = (status: number, code: string, message: string, retryAfterSeconds?: number) => {
    sendGraphError(res, status, code, message, { clientRequestId, retryAfterSeconds });
    return true;
  };
  if (ctx.state.tenants.get(caller.tenantId)?.noExchange) {
    return error(404, "OrganizationFromTenantGuidNotFound", `The tenant for tenant guid '${caller.tenantId}' does not exist.`);
  }
  // Without Graph roles Exchange still looks for RBAC for Applications assignments.
  const rbac = effectiveAssignments(ctx.state.exchange, caller.appId);
  if (!caller.roles.length && !rbac.length) {
    return error(403, "NoPermissionsInAccessToken", "The token contains no permissions, or permissions can not be understood.");
  }
  if (!mailbox || mailbox.tenantId !== caller.tenantId) return error(404, "ErrorInvalidUser", `The requested user '${target.mailboxId}' is invalid.`);
  if (target.route === "graph.other") return false;
  if (mailbox.state === "on-premises") return error(404, "MailboxNotSupportedForRESTAPI", "REST API is not yet supported for this mailbox.");
  if (mailbox.state !== "active") {
    return error(404, "MailboxNotEnabledForRESTAPI", "The mailbox is either inactive, soft-deleted, or is hosted on-premise.");
  }
  const policy = ctx.state.apps.get(caller.appId)?.accessPolicyMailboxes;
  if (policy && !policy.includes(mailbox.address)) {
    return error(403, "ErrorAccessDenied", "Access to OData is disabled: [RAOP] : Blocked by tenant configured AppOnly AccessPolicy settings.");
  }
  if (mailbox.throttled) return error(429, "ApplicationThrottled", "Application is over its IncomingBytes limit.", 60);
  const granted = ROLE_FOR[target.route]!.some((role) => caller.roles.includes(role)) || rbacAllows(ctx.state.exchange, caller.appId, target.route, mailbox);
  if (!granted) {
    // Exchange's answer when neither a Graph permission nor an in-scope RBAC assignment covers the request.
    return error(403, "ErrorAccessDenied", "Access is denied. Check credentials and try again.");
  }
  return false;
}

export async function handleGraph(ctx: SimContext, req: IncomingMessage, res: ServerResponse, target: GraphTarget, url: URL) {
  const clientRequestId = req.headers["client-request-id"] as string | undefined;
  const caller = authenticate(ctx, req, res, clientRequestId);
  if (!caller) return;
  const mailbox = ctx.state.mailboxes.get(target.mailboxId.toLowerCase());
  if (refuseMailbox(ctx, res, caller, target, mailbox, clientRequestId)) return;
  const box = mailbox!;
  const headers = { "client-request-id": clientRequestId ?? "", "request-id": clientRequestId ?? "" };
  const context = (suffix: string) => `${ctx.graphUrl}/v1.0/$metadata#users('${encodeURIComponent(target.mailboxId)}')/${suffix}`;

  switch (target.route) {
    case "calendar.list":
    case "contacts.list": {
      const items = target.route === "calendar.list" ? box.events : box.contacts;
      const top = Number(url.searchParams.get("$top") ?? "10");
      const value = [...items.values()].slice(0, Number.isFinite(top) ? top : 10).map((item) => ({ "@odata.etag": `W/"${item.changeKey}"`, id: item.id }));
      return sendJson(res, 200, { "@odata.context": context(target.route === "calendar.list" ? "events(id)" : "contacts(id)"), value }, headers);
    }
    case "calendar.create":
    case "contacts.create": {
      const body = await readJson(req);
      if (!body) return sendGraphError(res, 400, "RequestBodyRead", "Invalid JSON in the request body.", { clientRequestId });
      const id = itemId();
      const item = { ...body, id, changeKey: randomBytes(12).toString("base64"), createdDateTime: new Date().toISOString() };
      (target.route === "calendar.create" ? box.events : box.contacts).set(id, item);
      box.created.push({ collection: target.route === "calendar.create" ? "events" : "contacts", item: structuredClone(item) });
      return sendJson(res, 201, { "@odata.context": context(target.route === "calendar.create" ? "events/$entity" : "contacts/$entity"), ...item }, headers);
    }
    case "calendar.delete":
    case "contacts.delete": {
      if (box.failDeletes) {
        return sendGraphError(res, 500, "ErrorInternalServerError", "An internal server error occurred. The operation failed.", { clientRequestId });
      }
      const items = target.route === "calendar.delete" ? box.events : box.contacts;
      if (!items.delete(target.itemId ?? "")) return sendGraphError(res, 404, "ErrorItemNotFound", "The specified object was not found in the store.", { clientRequestId });
      return sendJson(res, 204, undefined, headers);
    }
    case "mail.send": {
      if (box.sendBlocked) {
        return sendGraphError(
          res,
          403,
          "ErrorSendAsDenied",
          "The user account which was used to submit this request does not have the right to send mail on behalf of the specified sending account., Cannot submit message.",
          { clientRequestId },
        );
      }
      const body = await readJson(req);
      const message = body?.message as Record<string, unknown> | undefined;
      if (!message || !Array.isArray(message.toRecipients) || !message.toRecipients.length) {
        return sendGraphError(res, 400, "ErrorInvalidRecipients", "At least one recipient isn't valid.", { clientRequestId });
      }
      box.sentMessages.push({ ...message, sentDateTime: new Date().toISOString() });
      return sendJson(res, 202, undefined, headers);
    }
    default:
      if (req.method === "GET" && url.pathname.split("/").filter(Boolean).length === 3) {
        // The app holds no directory permission (DESIGN §5).
        return sendGraphError(res, 403, "Authorization_RequestDenied", "Insufficient privileges to complete the operation.", { clientRequestId });
      }
      return sendGraphError(res, 400, "BadRequest", `Resource not found for the segment '${url.pathname.split("/").pop()}'.`, { clientRequestId });
  }
}
