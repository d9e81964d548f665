import { MicrosoftRequestError } from "../../microsoft/failures";
import { REQUIRED_PERMISSION_NAMES } from "../../microsoft/permissions";
import { acquireAppToken } from "../../microsoft/token-client";
import { classifyTokenFailure } from "../classify";
import { tokenHasNoRoles, type RunContext } from "../context";
import type { ResultOf } from "../runner";
import type { CheckResult, Reason } from "../types";
import { looksLikeSecretId } from "../../validation/credential-rules";
import { fromClassified, passed, problem, skipped, type CheckOutcome } from "../results";

/** `token`: Microsoft issues an app-only token for these client credentials. */
export async function checkToken(ctx: RunContext): Promise<CheckOutcome> {
  const { tenantId, clientId, clientSecret, clientCertificate, vendorApp } = ctx.input;
  try {
    ctx.token = await acquireAppToken(
      clientCertificate ? { tenantId, clientId, clientCertificate } : { tenantId, clientId, clientSecret },
      {
        authorityHost: ctx.endpoints.authorityHost,
        graphUrl: ctx.endpoints.graphUrl,
        timeoutMs: ctx.timeouts.requestMs,
        budget: ctx.budget,
        signal: ctx.signal,
        logger: ctx.logger,
      },
    );
    return passed(
      "The app signed in",
      vendorApp
        ? "Microsoft issued a token for Microsoft Graph to our app in your tenant: admin consent is in place."
        : clientCertificate
        ? "Microsoft accepted the client ID and the certificate and issued a token for Microsoft Graph."
        : "Microsoft accepted the client ID and secret value and issued a token for Microsoft Graph.",
      vendorApp ? { method: "vendor-app" } : clientCertificate ? { method: "certificate", thumbprintSha256: clientCertificate.thumbprintSha256 } : undefined,
    );
  } catch (error) {
    if (!(error instanceof MicrosoftRequestError)) throw error;
    const needsDiscovery = error.failure.kind === "transport";
    const classified = classifyTokenFailure(error.failure, {
      secretLooksLikeSecretId: !clientCertificate && looksLikeSecretId(clientSecret),
      method: vendorApp ? "vendor-app" : clientCertificate ? "certificate" : "client-secret",
      tenant: needsDiscovery ? await ctx.tenantLookup() : undefined,
    });
    return fromClassified(classified);
  }
}

const list = (names: readonly string[]) => names.join(", ");

/** Exchange caches RBAC for Applications changes (Microsoft: 30 minutes to 2 hours). */
export const RBAC_CACHE_NOTE =
  "Exchange caches RBAC for Applications changes for 30 minutes to 2 hours: if the role assignments, the management scope or the group changed within the last two hours, check again later before changing anything.";

/**
 * `permissions`: the token's `roles` carry exactly the application permissions the sync
 * needs. A token without roles is decided by Exchange: the mailbox checks run anyway, and
 * what Exchange let the app do (RBAC for Applications) is what the permission check reports.
 */
export async function checkPermissions(ctx: RunContext, resultOf?: ResultOf): Promise<CheckOutcome> {
  const claims = ctx.token?.claims;
  if (!claims) return problem("error", "unexpected", { facts: "The token Microsoft issued could not be read." });
  if (tokenHasNoRoles(ctx) && resultOf) return permissionsFromExchange(ctx, resultOf);
  const granted = claims.roles;
  const missing = REQUIRED_PERMISSION_NAMES.filter((p) => !granted.includes(p));
  const extra = granted.filter((r) => !(REQUIRED_PERMISSION_NAMES as readonly string[]).includes(r));
  if (!granted.length) {
    // Only the early check gets here (no mailbox to ask Exchange): it names the RBAC way too.
    return problem("fail", "consent-missing", {
      facts:
        "The token carries no Graph permissions. If you limit the app to a group of agents with Exchange RBAC for Applications (step 8), that is expected: send the form with that access scope and the checks ask Exchange with the test mailbox.",
      data: { missing, granted },
    });
  }
  if (missing.length) {
    return problem("fail", "permission-missing", {
      facts: `Missing: ${list(missing)}.${extra.length ? ` Not needed: ${list(extra)}.` : ""}`,
      data: { missing, extra, granted },
    });
  }
  if (ctx.input.accessScope === "exchange-rbac") {
    return problem("warn", "scope-not-enforced", {
      facts: `You chose to limit the app to a group of agents, but the token still carries ${list(granted)} with tenant-wide admin consent, so the app reaches every mailbox: the RBAC for Applications scope has no effect until that consent is removed.`,
      data: { granted, extra },
    });
  }
  if (extra.length) return problem("warn", "permission-excess", { facts: `Not needed: ${list(extra)}.`, data: { extra, granted } });
  return passed("Permissions granted", `${list(REQUIRED_PERMISSION_NAMES)} are granted with admin consent, and nothing more.`, { granted });
}

/** Each permission the sync needs, the Exchange application role that grants it, and the checks that prove it. */
const PROOFS = [
  { permission: "Calendars.ReadWrite", role: "Application Calendars.ReadWrite", checks: ["calendar.read", "calendar.write"] },
  { permission: "Contacts.ReadWrite", role: "Application Contacts.ReadWrite", checks: ["contacts.read", "contacts.write"] },
  { permission: "Mail.Send", role: "Application Mail.Send", checks: ["mail.send"] },
] as const;

const settled = (r: CheckResult) => r.status === "pass" || r.status === "warn";

async function permissionsFromExchange(ctx: RunContext, resultOf: ResultOf): Promise<CheckOutcome> {
  const proofs = await Promise.all(
    PROOFS.map(async (p) => {
      const results = await Promise.all(p.checks.map((id) => resultOf(id)));
      const refused = results.map((r) => r.data?.refused as Reason | undefined).find(Boolean);
      const turnedOff = results.some((r) => r.data?.turnedOff);
      return { ...p, proven: results.every(settled), refused, turnedOff, microsoft: results.find((r) => r.microsoft)?.microsoft };
    }),
  );
  const proven = proofs.filter((p) => p.proven);
  const refused = proofs.filter((p) => p.refused);
  const rbacChosen = ctx.input.accessScope === "exchange-rbac";
  const mailbox = ctx.input.testMailbox;
  // A setup younger than Exchange's cache: the refusal may be the cache, so it is checked again rather than failed.
  const settling = rbacChosen && ctx.rbacSettlesAt !== undefined && ctx.now() < ctx.rbacSettlesAt;
  const status = settling ? "error" : "fail";
  const cache = settling
    ? ` The access scope was set up less than two hours ago and Exchange caches RBAC for Applications changes for 30 minutes to 2 hours, so this is checked again automatically before it counts as a problem.`
    : rbacChosen
      ? ` ${RBAC_CACHE_NOTE}`
      : "";
  const data = { via: "exchange-rbac", granted: [], proven: proven.map((p) => p.role), refused: refused.map((p) => p.role), ...(settling ? { rbacSettling: true } : {}) };
  if (proven.length && refused.length) {
    const outcome = problem(status, "permission-missing", {
      facts: `The token carries no Graph permissions; Exchange RBAC for Applications let the app use ${mailbox} for ${list(proven.map((p) => p.role))}, but refused ${list(refused.map((p) => p.role))}. Assign ${refused.length > 1 ? "these roles" : "this role"} on the same management scope.${cache}`,
      data: { ...data, missing: refused.map((p) => p.permission) },
      microsoft: refused[0]!.microsoft,
    });
    return { ...outcome, guideAnchor: "limit-mailbox-access" };
  }
  if (proven.length) {
    const unproven = proofs.filter((p) => !p.proven);
    const rest = unproven.length
      ? ` Not proven here: ${list(unproven.map((p) => p.role))}${unproven.some((p) => p.turnedOff) ? " (the test message was turned off)" : " (see the checks below)"}.`
      : "";
    const scopeNote = rbacChosen ? "" : " You answered that the app reaches the whole organisation; with RBAC for Applications it reaches only the mailboxes of its management scope.";
    return passed(
      "Permissions granted through Exchange RBAC for Applications",
      `The token carries no Graph application permissions: access comes from Exchange RBAC for Applications, which let the app use ${mailbox} for ${list(proven.map((p) => p.role))}.${rest}${scopeNote}`,
      data,
    );
  }
  const reason = refused.find((p) => p.refused === "access-policy-denied") ? "access-policy-denied" : refused.length ? "consent-missing" : undefined;
  if (!reason) {
    return skipped("Not decided: the token carries no Graph permissions, and the mailbox checks did not get far enough for Exchange to say what it grants.", { via: "exchange-rbac" });
  }
  const microsoft = refused[0]!.microsoft;
  if (reason === "access-policy-denied") {
    return {
      ...problem(status, "access-policy-denied", {
        facts: `The token carries no Graph permissions, and Exchange refused ${mailbox}: the app has an RBAC for Applications role assignment, but its management scope leaves this mailbox out. Add the mailbox to the agents' group, or choose a test mailbox inside it.${cache}`,
        data,
        microsoft,
      }),
      guideAnchor: "limit-mailbox-access",
    };
  }
  const both = rbacChosen
    ? `The token carries no Graph permissions, and Exchange found no RBAC for Applications role assignment for the app either. To limit the app to your agents, register its service principal in Exchange and assign Application Calendars.ReadWrite, Application Contacts.ReadWrite and Application Mail.Send on the agents' management scope (step 8). To let it reach the whole organisation instead, grant admin consent (step 4).${cache}`
    : "The token carries no Graph permissions, and Exchange found no RBAC for Applications role assignment for the app either. Grant admin consent (step 4), or, to limit the app to a group of agents, assign the Exchange application roles on a management scope (step 8).";
  return {
    ...problem(status, "consent-missing", { facts: both, data: { ...data, missing: [...REQUIRED_PERMISSION_NAMES] }, microsoft }),
    guideAnchor: rbacChosen ? "limit-mailbox-access" : "grant-consent",
  };
}
