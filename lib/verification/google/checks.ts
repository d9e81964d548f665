import { calendarApi, gmailApi, peopleApi } from "../../google/delegation";
import { GoogleRequestError } from "../../google/failures";
import { GOOGLE_SCOPES, type GoogleScopeKey } from "../../google/scopes";
import { passed, type CheckOutcome } from "../results";

import { classifyApiFailure, classifyTokenFailure, type GoogleClassified } from "./classify";
import { cleanupClient, scopeClient, tokenClient, type GoogleRunContext } from "./context";
import { googleProblem } from "./remediation";
import { googleTestContact, googleTestEvent, googleTestMessage } from "./test-items";

/**
 * The checks of a Google Workspace run (DESIGN §10), under the contract's check ids: one
 * token per scope, then the calendar and contacts read and write probes (test items
 * deleted whatever happens) and the test message.
 */

export async function checkGoogleInput(ctx: GoogleRunContext): Promise<CheckOutcome> {
  if (ctx.inputProblems.length) {
    return googleProblem("fail", "invalid-input", { facts: ctx.inputProblems.map((p) => `${p.message}.`).join(" "), data: { problems: ctx.inputProblems } });
  }
  return passed("Values are in the right format", "The domain and the test user's address are in the expected format, and the user is in the domain.");
}

const fromClassified = (c: GoogleClassified, facts?: string, data?: Record<string, unknown>) => googleProblem(c.status, c.reason, { facts, data, google: c.google });

const asFailure = (error: unknown) => {
  if (!(error instanceof GoogleRequestError)) throw error;
  return error.failure;
};

/** `token`: a delegated token for each scope, all requested at once, so a refusal names its scope. */
export async function checkGoogleToken(ctx: GoogleRunContext): Promise<CheckOutcome> {
  if (!ctx.account) {
    ctx.logger.error({ problem: ctx.accountProblem }, "the Google service account is not configured");
    return googleProblem("error", "vendor-config", { facts: "The portal's Google service account is not configured." });
  }
  const results = await Promise.all(
    GOOGLE_SCOPES.map(async (s) => {
      const client = tokenClient(ctx, s.key);
      try {
        await client.authorize();
        ctx.clients.set(s.key, client);
        return { scope: s, refused: undefined };
      } catch (error) {
        return { scope: s, refused: classifyTokenFailure(asFailure(error)) };
      }
    }),
  );
  const refused = results.filter((r) => r.refused);
  if (!refused.length) return passed("Google issued a token for each scope", `The client ID is authorised for all ${GOOGLE_SCOPES.length} scopes, acting as ${ctx.input.testUser}.`, { scopes: GOOGLE_SCOPES.map((s) => s.scope) });
  // Anything but an unauthorised scope says more than the scopes do (unknown user, vendor key, Google down).
  const other = refused.find((r) => r.refused!.reason !== "scope-missing");
  if (other) return fromClassified(other.refused!, undefined, { scope: other.scope.scope });
  const missing = refused.map((r) => r.scope.scope);
  if (refused.length === GOOGLE_SCOPES.length) {
    return fromClassified({ ...refused[0]!.refused!, reason: "delegation-missing" }, `Google refused all ${GOOGLE_SCOPES.length} scopes for the client ID.`, { missing, fresh: true });
  }
  return fromClassified(refused[0]!.refused!, `Not authorised: ${missing.join(", ")}.`, { missing });
}

function failed(error: unknown): CheckOutcome {
  return fromClassified(classifyApiFailure(asFailure(error)));
}

export async function checkGoogleCalendarRead(ctx: GoogleRunContext): Promise<CheckOutcome> {
  try {
    await calendarApi(scopeClient(ctx, "calendar"), ctx.endpoints).events.list({ calendarId: "primary", maxResults: 1, fields: "items(id)" });
    return passed("Calendar can be read", `The service account can read ${ctx.input.testUser}'s calendar.`);
  } catch (error) {
    return failed(error);
  }
}

export async function checkGoogleContactsRead(ctx: GoogleRunContext): Promise<CheckOutcome> {
  try {
    await peopleApi(scopeClient(ctx, "contacts"), ctx.endpoints).people.connections.list({ resourceName: "people/me", pageSize: 1, personFields: "names" });
    return passed("Contacts can be read", `The service account can read ${ctx.input.testUser}'s contacts.`);
  } catch (error) {
    return failed(error);
  }
}

/** Creates a test item and deletes it again; the delete runs whatever happens after the create. */
async function createAndDelete(
  ctx: GoogleRunContext,
  key: GoogleScopeKey,
  kind: "event" | "contact",
  create: () => Promise<string | undefined>,
  remove: (id: string) => Promise<unknown>,
  passedResult: CheckOutcome,
): Promise<CheckOutcome> {
  let itemId: string | undefined;
  let outcome: CheckOutcome;
  try {
    if (ctx.signal.aborted) return googleProblem("error", "google-unavailable", { facts: "The run's time was up before the test item could be created." });
    itemId = await create();
    outcome = itemId ? passedResult : googleProblem("error", "unexpected", { facts: "Google created the test item but did not say which it was." });
  } catch (error) {
    outcome = failed(error);
  }
  if (itemId) {
    try {
      await remove(itemId);
    } catch (error) {
      const f = asFailure(error);
      const gone = f.kind === "api" && (f.httpStatus === 404 || f.httpStatus === 410);
      if (!gone) {
        const c = classifyApiFailure(f);
        ctx.logger.warn({ kind, scope: key, google: c.google }, "test item could not be deleted");
        outcome = googleProblem("warn", "cleanup-failed", { facts: `The test ${kind} was created but could not be deleted (item id ${itemId}).`, data: { itemId, kind }, google: c.google });
      }
    }
  }
  return outcome;
}

export const checkGoogleCalendarWrite = (ctx: GoogleRunContext) =>
  createAndDelete(
    ctx,
    "calendar",
    "event",
    async () => (await calendarApi(scopeClient(ctx, "calendar", { creating: true }), ctx.endpoints).events.insert({ calendarId: "primary", sendUpdates: "none", requestBody: googleTestEvent(ctx.now()) })).data.id ?? undefined,
    (id) => calendarApi(cleanupClient(ctx, "calendar"), ctx.endpoints).events.delete({ calendarId: "primary", eventId: id, sendUpdates: "none" }),
    passed("Events can be created and deleted", "A test event (no guests, no reminder, shown as free) was created and deleted at once."),
  );

export const checkGoogleContactsWrite = (ctx: GoogleRunContext) =>
  createAndDelete(
    ctx,
    "contacts",
    "contact",
    async () => (await peopleApi(scopeClient(ctx, "contacts", { creating: true }), ctx.endpoints).people.createContact({ personFields: "names", requestBody: googleTestContact() })).data.resourceName ?? undefined,
    (resourceName) => peopleApi(cleanupClient(ctx, "contacts"), ctx.endpoints).people.deleteContact({ resourceName }),
    passed("Contacts can be created and deleted", "A test contact was created and deleted at once."),
  );

export async function checkGoogleMailSend(ctx: GoogleRunContext): Promise<CheckOutcome> {
  try {
    // As `raw` in the body: a client-wide rootUrl does not reach Gmail's media upload path.
    await gmailApi(scopeClient(ctx, "mail"), ctx.endpoints).users.messages.send({ userId: "me", requestBody: { raw: googleTestMessage(ctx.input.testUser) } });
    return passed("Test message sent", `A test message was sent from ${ctx.input.testUser} to itself.`);
  } catch (error) {
    return failed(error);
  }
}


