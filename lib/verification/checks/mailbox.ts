import { MicrosoftRequestError } from "../../microsoft/failures";
import { pathSegment } from "../../microsoft/identifiers";
import { classifyGraphFailure, microsoftInfo } from "../classify";
import { cleanupMailbox, outsideMailbox, runMailbox, tokenHasNoRoles, type RunContext } from "../context";
import { CHECK_LABELS } from "../labels";
import { fromClassified, passed, problem, skipped, type CheckOutcome } from "../results";
import { testContact, testEvent, testMessage } from "../test-items";
import type { TestItem } from "../types";

/**
 * The checks against the test mailbox. The calendar read doubles as the mailbox
 * probe: the app holds no directory permission, so the user object cannot be read.
 */

const ROLES = {
  calendar: ["Calendars.ReadWrite", "Calendars.Read"],
  contacts: ["Contacts.ReadWrite", "Contacts.Read"],
  mail: ["Mail.Send"],
};

/** Refusals that, for a token without roles, say what Exchange grants the app: `permissions` reports them. */
const GRANT_REFUSALS = new Set(["consent-missing", "access-policy-denied"]);

function failed(ctx: RunContext, error: unknown, requiredRoles: string[]): CheckOutcome {
  if (!(error instanceof MicrosoftRequestError)) throw error;
  const noRoles = tokenHasNoRoles(ctx);
  const classified = classifyGraphFailure(error.failure, { roles: ctx.token?.claims?.roles ?? [], requiredRoles, exchangeDecides: noRoles });
  if (noRoles && GRANT_REFUSALS.has(classified.reason)) {
    // The token carries no roles: this refusal is what Exchange grants, which `permissions` words.
    return {
      ...skipped(`Not checked, because “${CHECK_LABELS.permissions}” did not pass.`, { blockedBy: "permissions", refused: classified.reason }),
      ...(classified.microsoft ? { microsoft: classified.microsoft } : {}),
    };
  }
  return fromClassified(classified);
}

async function read(ctx: RunContext, collection: "events" | "contacts", roles: string[], title: string, detail: string) {
  try {
    await runMailbox(ctx).get(`/${collection}`, { select: ["id"], top: 1 });
    return passed(title, detail);
  } catch (error) {
    return failed(ctx, error, roles);
  }
}

export const checkCalendarRead = (ctx: RunContext) =>
  read(ctx, "events", ROLES.calendar, "Calendar can be read", `The app can read ${ctx.input.testMailbox}'s calendar.`);

export const checkContactsRead = (ctx: RunContext) =>
  read(ctx, "contacts", ROLES.contacts, "Contacts can be read", `The app can read ${ctx.input.testMailbox}'s contacts.`);

/** Creates an item and deletes it again; the delete runs whatever happens after the create. */
async function createAndDelete(
  ctx: RunContext,
  collection: "events" | "contacts",
  item: unknown,
  roles: string[],
  passedResult: CheckOutcome,
): Promise<CheckOutcome> {
  let itemId: string | undefined;
  let outcome: CheckOutcome | undefined;
  try {
    if (ctx.signal.aborted) return problem("error", "microsoft-unavailable", { facts: "The run's time was up before the test item could be created." });
    const created = await runMailbox(ctx, { creating: true }).post<{ id?: unknown }>(`/${collection}`, item);
    itemId = typeof created?.id === "string" ? created.id : undefined;
    if (itemId) await tell(ctx, "onCreated", testItemOf(ctx, collection, itemId));
    outcome = itemId ? passedResult : problem("error", "unexpected", { facts: "Microsoft created the test item but did not say which it was." });
  } catch (error) {
    outcome = failed(ctx, error, roles);
  } finally {
    if (itemId) {
      const cleanup = await deleteItem(ctx, collection, itemId);
      if (cleanup) outcome = cleanup;
    }
  }
  return outcome;
}

const testItemOf = (ctx: RunContext, collection: "events" | "contacts", id: string): TestItem => ({
  kind: collection === "events" ? "event" : "contact",
  id,
  mailbox: ctx.input.testMailbox,
});

/** Tells the run's test item listener; its failure is logged, the check goes on. */
async function tell(ctx: RunContext, event: "onCreated" | "onDeleted", item: TestItem) {
  try {
    await ctx.testItems?.[event](item);
  } catch (error) {
    ctx.logger.warn({ kind: item.kind, event, error: error instanceof Error ? error.message : String(error) }, "test item listener failed");
  }
}

/** undefined when deleted; otherwise the `cleanup-failed` warning naming the item. */
async function deleteItem(ctx: RunContext, collection: "events" | "contacts", itemId: string): Promise<CheckOutcome | undefined> {
  try {
    await cleanupMailbox(ctx).delete(`/${collection}/${pathSegment(itemId)}`);
    await tell(ctx, "onDeleted", testItemOf(ctx, collection, itemId));
    return undefined;
  } catch (error) {
    if (!(error instanceof MicrosoftRequestError)) throw error;
    const f = error.failure;
    if (f.kind === "graph" && f.httpStatus === 404) {
      await tell(ctx, "onDeleted", testItemOf(ctx, collection, itemId));
      return undefined; // already gone
    }
    ctx.logger.warn({ collection, microsoft: microsoftInfo(f) }, "test item could not be deleted");
    return problem("warn", "cleanup-failed", {
      facts: `The test ${collection === "events" ? "event" : "contact"} was created but could not be deleted (item id ${itemId}).`,
      data: { itemId, collection },
      microsoft: microsoftInfo(f),
    });
  }
}

export const checkCalendarWrite = (ctx: RunContext) =>
  createAndDelete(
    ctx,
    "events",
    testEvent(ctx.now()),
    ROLES.calendar,
    passed("Events can be created and deleted", "A test event (no attendees, no reminder, shown as free) was created and deleted at once."),
  );

export const checkContactsWrite = (ctx: RunContext) =>
  createAndDelete(ctx, "contacts", testContact(), ROLES.contacts, passed("Contacts can be created and deleted", "A test contact was created and deleted at once."));

export async function checkMailSend(ctx: RunContext): Promise<CheckOutcome> {
  try {
    await runMailbox(ctx).post("/sendMail", testMessage(ctx.input.testMailbox));
    return passed("Test message sent", `A test message was sent from ${ctx.input.testMailbox} to itself.`);
  } catch (error) {
    return failed(ctx, error, ROLES.mail);
  }
}

/**
 * `scope.outside`: one read-only probe of a mailbox that must stay outside the app's scope,
 * sent alongside the test mailbox's reads. Refused is the pass; readable is the warning.
 */
export async function checkScopeOutside(ctx: RunContext): Promise<CheckOutcome> {
  const address = ctx.input.outsideMailbox!;
  try {
    await outsideMailbox(ctx).get("/events", { select: ["id"], top: 1 });
  } catch (error) {
    if (!(error instanceof MicrosoftRequestError)) throw error;
    const classified = classifyGraphFailure(error.failure, { roles: ctx.token?.claims?.roles ?? [], requiredRoles: ROLES.calendar, exchangeDecides: true });
    if (GRANT_REFUSALS.has(classified.reason) || classified.reason === "access-denied" || classified.reason === "permission-missing") {
      return passed("The mailbox outside the scope stays out of reach", `Exchange refused the app access to ${address}, as it should.`, {
        outsideMailbox: address,
        refusedWith: classified.microsoft?.code,
      });
    }
    if (classified.reason === "mailbox-not-found" || classified.reason === "mailbox-not-enabled") {
      return problem("warn", classified.reason, {
        facts: `The mailbox meant to stay outside the scope, ${address}, could not be probed: Microsoft does not know it as an Exchange Online mailbox.`,
        microsoft: classified.microsoft,
        data: { outsideMailbox: address },
      });
    }
    return fromClassified(classified, undefined, { outsideMailbox: address });
  }
  const roles = ctx.token?.claims?.roles ?? [];
  const facts = roles.length
    ? `The app read ${address}'s calendar, which should be outside its scope: the token still carries the Graph application permissions (${roles.join(", ")}) granted with tenant-wide admin consent.`
    : `The app read ${address}'s calendar, which should be outside its scope: the token carries no Graph permissions, so an RBAC for Applications assignment covers this mailbox (its scope is wider than the group, or the mailbox is a member).`;
  return problem("warn", "scope-not-enforced", { facts, data: { outsideMailbox: address, graphRolesPresent: roles.length > 0 } });
}
