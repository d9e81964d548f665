import { randomBytes } from "node:crypto";
import type { ServerResponse } from "node:http";
import { scopeOf } from "../../lib/google/scopes";
import { sendJson } from "../responses";
import { findUser, type GoogleRoute, type GoogleService, type GoogleSimState } from "./model";
import { sendApiError } from "./responses";

/**
 * The Calendar, People and Gmail endpoints the checks call, at their real paths, with
 * Google's answers for a missing scope, an API disabled in the vendor's project and a
 * service turned off for the user.
 */

export type ApiTarget =
  | { route: "calendar"; op: "list" | "insert"; calendarId: string }
  | { route: "calendar"; op: "delete"; calendarId: string; eventId: string }
  | { route: "people"; op: "list" | "create" }
  | { route: "people"; op: "delete"; resourceName: string }
  | { route: "gmail"; op: "send"; userId: string };

export function apiTarget(method: string, pathname: string): ApiTarget | undefined {
  let m: RegExpMatchArray | null;
  if ((m = /^\/calendar\/v3\/calendars\/([^/]+)\/events$/.exec(pathname))) {
    if (method === "GET") return { route: "calendar", op: "list", calendarId: decodeURIComponent(m[1]!) };
    if (method === "POST") return { route: "calendar", op: "insert", calendarId: decodeURIComponent(m[1]!) };
  }
  if ((m = /^\/calendar\/v3\/calendars\/([^/]+)\/events\/([^/]+)$/.exec(pathname)) && method === "DELETE") {
    return { route: "calendar", op: "delete", calendarId: decodeURIComponent(m[1]!), eventId: decodeURIComponent(m[2]!) };
  }
  if (pathname === "/v1/people/me/connections" && method === "GET") return { route: "people", op: "list" };
  if (pathname === "/v1/people:createContact" && method === "POST") return { route: "people", op: "create" };
  if ((m = /^\/v1\/(people\/[^/:]+):deleteContact$/.exec(pathname)) && method === "DELETE") return { route: "people", op: "delete", resourceName: decodeURIComponent(m[1]!) };
  if ((m = /^\/gmail\/v1\/users\/([^/]+)\/messages\/send$/.exec(pathname)) && method === "POST") return { route: "gmail", op: "send", userId: decodeURIComponent(m[1]!) };
  return undefined;
}

const SCOPE_FOR: Record<GoogleRoute, string[]> = {
  token: [],
  calendar: [scopeOf("calendar"), "https://www.googleapis.com/auth/calendar"],
  people: [scopeOf("contacts")],
  gmail: [scopeOf("mail"), "https://mail.google.com/"],
};
const SERVICE_FOR: Record<Exclude<GoogleRoute, "token">, GoogleService> = { calendar: "calendar", people: "contacts", gmail: "gmail" };
const API_NAME: Record<Exclude<GoogleRoute, "token">, { title: string; service: string }> = {
  calendar: { title: "Google Calendar API", service: "calendar-json.googleapis.com" },
  people: { title: "People API", service: "people.googleapis.com" },
  gmail: { title: "Gmail API", service: "gmail.googleapis.com" },
};

/** The user a bearer token speaks for, or the error already sent. */
export function authorise(state: GoogleSimState, res: ServerResponse, authorization: string | undefined, target: ApiTarget): string | undefined {
  const legacy = target.route !== "people";
  const token = /^Bearer (.+)$/.exec(authorization ?? "")?.[1];
  const grant = token ? state.tokens.get(token) : undefined;
  if (!grant || grant.expiresAt < Date.now()) {
    sendApiError(res, legacy, { code: 401, message: "Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other valid authentication credential.", status: "UNAUTHENTICATED", reason: "authError", detailReason: "ACCESS_TOKEN_TYPE_UNSUPPORTED" });
    return undefined;
  }
  const route = target.route;
  if (state.vendor.disabledApis.has(route)) {
    const api = API_NAME[route];
    sendApiError(res, legacy, {
      code: 403,
      message: `${api.title} has not been used in project 734918265530 before or it is disabled. Enable it by visiting https://console.developers.google.com/apis/api/${api.service}/overview?project=734918265530 then retry.`,
      status: "PERMISSION_DENIED",
      reason: "accessNotConfigured",
      domain: "usageLimits",
      detailReason: "SERVICE_DISABLED",
      metadata: { service: api.service, consumer: "projects/734918265530" },
    });
    return undefined;
  }
  const scopes = grant.scope.split(" ");
  if (!SCOPE_FOR[route].some((s) => scopes.includes(s))) {
    sendApiError(res, legacy, { code: 403, message: "Request had insufficient authentication scopes.", status: "PERMISSION_DENIED", reason: "insufficientPermissions", detailReason: "ACCESS_TOKEN_SCOPE_INSUFFICIENT" });
    return undefined;
  }
  const user = findUser(state, grant.user)!;
  if (!user.services[SERVICE_FOR[route]]) {
    if (route === "calendar") sendApiError(res, true, { code: 403, message: "The user must be signed up for Google Calendar.", reason: "notACalendarUser", domain: "calendar" });
    else if (route === "gmail") sendApiError(res, true, { code: 400, message: "Mail service not enabled", status: "FAILED_PRECONDITION", reason: "failedPrecondition" });
    else sendApiError(res, false, { code: 400, message: "The Contacts service is not enabled for this user.", status: "FAILED_PRECONDITION" });
    return undefined;
  }
  return user.address;
}

const newId = () => randomBytes(12).toString("hex");

export function handleApi(state: GoogleSimState, res: ServerResponse, target: ApiTarget, user: string, body: unknown) {
  const events = state.events.get(user) ?? state.events.set(user, new Map()).get(user)!;
  const contacts = state.contacts.get(user) ?? state.contacts.set(user, new Map()).get(user)!;
  const notFound = (legacy: boolean) => sendApiError(res, legacy, { code: 404, message: "Not Found", status: "NOT_FOUND", reason: "notFound" });
  switch (target.route) {
    case "calendar": {
      if (target.calendarId !== "primary" && target.calendarId.toLowerCase() !== user) return notFound(true);
      if (target.op === "list") return sendJson(res, 200, { kind: "calendar#events", summary: user, items: [...events.values()].slice(0, 1) });
      if (target.op === "insert") {
        const id = newId();
        const event = { kind: "calendar#event", id, status: "confirmed", ...(body as object) };
        events.set(id, event);
        return sendJson(res, 200, event);
      }
      if (target.op !== "delete" || !events.delete(target.eventId)) return sendApiError(res, true, { code: 410, message: "Resource has been deleted", reason: "deleted" });
      state.deletedItems++;
      return sendJson(res, 204, undefined);
    }
    case "people": {
      if (target.op === "list") return sendJson(res, 200, { connections: [...contacts.values()].slice(0, 1), totalPeople: contacts.size, totalItems: contacts.size });
      if (target.op === "create") {
        const resourceName = `people/c${BigInt("0x" + newId()).toString().slice(0, 19)}`;
        const person = { resourceName, etag: `%${newId()}`, ...(body as object) };
        contacts.set(resourceName, person);
        return sendJson(res, 200, person);
      }
      if (target.op !== "delete" || !contacts.delete(target.resourceName)) return notFound(false);
      state.deletedItems++;
      return sendJson(res, 200, {});
    }
    case "gmail": {
      if (target.userId !== "me" && target.userId.toLowerCase() !== user) return sendApiError(res, true, { code: 400, message: "Delegation denied for " + user, status: "FAILED_PRECONDITION", reason: "failedPrecondition" });
      const raw = typeof (body as { raw?: unknown })?.raw === "string" ? (body as { raw: string }).raw : "";
      if (!raw) return sendApiError(res, true, { code: 400, message: "Recipient address required", status: "INVALID_ARGUMENT", reason: "invalidArgument" });
      state.sent.push({ user, raw });
      return sendJson(res, 200, { id: newId(), threadId: newId(), labelIds: ["SENT"] });
    }
  }
}
