import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { and, desc, eq, gt, isNull } from "drizzle-orm";
import { inAuditedTransaction } from "../audit/change";
import type { BrokerageSession } from "../auth/brokerage-session";
import { db } from "../db/client";
import { brokerages, invites, vendorConsents } from "../db/schema";
import { env } from "../env";
import { discoverTenant } from "../microsoft/discovery";
import { authorityFor, configuredEndpoints, graphScope } from "../microsoft/endpoints";
import { vendorAppConfigured } from "../microsoft/vendor-app";
import { isGuid } from "../validation/guid";
import { classifyConsentError, type ConsentReason } from "./vendor-consent-reasons";

/**
 * "Connect with Microsoft" (the `vendor-app` method, DESIGN §9): the administrator is
 * sent to Microsoft's admin-consent endpoint with a `state` made here, and Microsoft
 * sends them back to the callback with it. The state is 256 random bits, kept only as
 * its SHA-256, bound to the brokerage session that made it, used once and for 15
 * minutes: a replayed, expired or foreign state changes nothing.
 */

export const CONSENT_STATE_MINUTES = 15;
/** A consented tenant waits this long for the test mailbox before "Connect with Microsoft" is needed again. */
export const CONSENT_MAILBOX_HOURS = 2;
export const CONSENT_CALLBACK_PATH = "/submit/connect/callback";

const hash = (value: string) => createHash("sha256").update(value, "utf8").digest("hex");
const STATE_SHAPE = /^[A-Za-z0-9_-]{43}$/;

export const consentRedirectUri = () => `${env().APP_URL}${CONSENT_CALLBACK_PATH}`;

/** Makes a state for this session and returns Microsoft's admin-consent URL (organizations: any work account's tenant). */
type Origin = { ip: string; userAgent: string | null } | null;

export async function startVendorConsent(session: BrokerageSession, origin: Origin, now = new Date()): Promise<string> {
  const app = vendorAppConfigured();
  if (!app) throw new Error("the vendor app is not configured");
  const state = randomBytes(32).toString("base64url");
  await inAuditedTransaction({ type: "brokerage", id: session.brokerageId }, origin, async ({ tx, audit }) => {
    const [row] = await tx
      .insert(vendorConsents)
      .values({ stateHash: hash(state), brokerageId: session.brokerageId, sessionId: session.sessionId, expiresAt: new Date(now.getTime() + CONSENT_STATE_MINUTES * 60_000) })
      .returning({ id: vendorConsents.id });
    await audit({ action: "consent.started", subject: { type: "brokerage", id: session.brokerageId }, brokerageId: session.brokerageId, detail: { consentId: row!.id } });
  });
  const { authorityHost, graphUrl } = configuredEndpoints();
  const url = new URL(`${authorityFor(authorityHost, "organizations")}/v2.0/adminconsent`);
  url.searchParams.set("client_id", app.clientId);
  url.searchParams.set("scope", graphScope(graphUrl));
  url.searchParams.set("redirect_uri", consentRedirectUri());
  url.searchParams.set("state", state);
  return url.toString();
}

export type ConsentCallback =
  | { kind: "consented"; consentId: string }
  | { kind: "failed"; consentId: string; reason: ConsentReason }
  | { kind: "refused" };

/**
 * The callback: uses the state once, in the session that made it, and records what
 * Microsoft answered. Anything else (no state, replayed, expired, another session or
 * brokerage) is refused and changes nothing.
 */
export async function completeVendorConsent(session: BrokerageSession, params: URLSearchParams, origin: Origin, now = new Date()): Promise<ConsentCallback> {
  const state = params.get("state") ?? "";
  if (!STATE_SHAPE.test(state)) return { kind: "refused" };
  const error = params.get("error");
  const tenant = (params.get("tenant") ?? "").toLowerCase();
  const granted = (params.get("admin_consent") ?? "").toLowerCase() === "true" && isGuid(tenant);
  const answer = error ? classifyConsentError(error, params.get("error_description")) : granted ? null : { reason: "consent-failed" as const, code: null };

  return inAuditedTransaction({ type: "brokerage", id: session.brokerageId }, origin, async ({ tx, audit, unchanged }) => {
    const [row] = await tx
      .update(vendorConsents)
      .set({ usedAt: now, outcome: answer ? answer.reason : "consented", microsoftCode: answer?.code ?? null, tenantId: answer ? null : tenant })
      .where(
        and(
          eq(vendorConsents.stateHash, hash(state)),
          isNull(vendorConsents.usedAt),
          gt(vendorConsents.expiresAt, now),
          eq(vendorConsents.brokerageId, session.brokerageId),
          eq(vendorConsents.sessionId, session.sessionId),
        ),
      )
      .returning({ id: vendorConsents.id });
    if (!row) return unchanged({ kind: "refused" } as const);
    await audit({
      action: answer ? "consent.failed" : "consent.granted",
      subject: { type: "brokerage", id: session.brokerageId },
      brokerageId: session.brokerageId,
      detail: answer ? { consentId: row.id, reason: answer.reason, code: answer.code } : { consentId: row.id, tenantId: tenant },
    });
    return answer ? { kind: "failed", consentId: row.id, reason: answer.reason } : { kind: "consented", consentId: row.id };
  });
}

export type ConsentView = { id: string; outcome: string | null; microsoftCode: string | null; tenantId: string | null; attemptId: string | null; usedAt: Date | null };

/** A consent of this session (never another's), or null. */
export async function consentOfSession(session: BrokerageSession, consentId: string): Promise<ConsentView | null> {
  if (!isGuid(consentId)) return null;
  const [row] = await db()
    .select({
      id: vendorConsents.id,
      outcome: vendorConsents.outcome,
      microsoftCode: vendorConsents.microsoftCode,
      tenantId: vendorConsents.tenantId,
      attemptId: vendorConsents.attemptId,
      usedAt: vendorConsents.usedAt,
    })
    .from(vendorConsents)
    .where(and(eq(vendorConsents.id, consentId), eq(vendorConsents.brokerageId, session.brokerageId), eq(vendorConsents.sessionId, session.sessionId)))
    .limit(1);
  return row ?? null;
}

/** The consented tenant still waiting for its test mailbox, or null. */
export async function pendingConsent(session: BrokerageSession, consentId: string, now = new Date()) {
  const consent = await consentOfSession(session, consentId);
  if (!consent || consent.outcome !== "consented" || !consent.tenantId || consent.attemptId || !consent.usedAt) return null;
  if (now.getTime() - consent.usedAt.getTime() > CONSENT_MAILBOX_HOURS * 3_600_000) return null;
  return { id: consent.id, tenantId: consent.tenantId };
}

/** The latest consent this session finished, for the page's message after the callback. */
export async function latestConsentOfSession(session: BrokerageSession) {
  const [row] = await db()
    .select({ id: vendorConsents.id })
    .from(vendorConsents)
    .where(and(eq(vendorConsents.sessionId, session.sessionId), eq(vendorConsents.brokerageId, session.brokerageId)))
    .orderBy(desc(vendorConsents.createdAt))
    .limit(1);
  return row?.id ?? null;
}

/**
 * Domains the brokerage is known by (its email domain and its invite's recipient)
 * that Microsoft says belong to the consented tenant: offered for the test mailbox.
 */
export async function tenantDomainsForBrokerage(brokerageId: string, tenantId: string): Promise<string[]> {
  const [brokerage] = await db().select({ emailDomain: brokerages.emailDomain }).from(brokerages).where(eq(brokerages.id, brokerageId)).limit(1);
  const recipients = await db().select({ email: invites.recipientEmail }).from(invites).where(eq(invites.brokerageId, brokerageId)).limit(20);
  const candidates = new Set(
    [brokerage?.emailDomain, ...recipients.map((r) => r.email.split("@")[1])].filter((d): d is string => Boolean(d)).map((d) => d.toLowerCase()),
  );
  const found = await Promise.all(
    [...candidates].slice(0, 5).map(async (domain) => {
      const discovery = await discoverTenant(domain).catch(() => ({ status: "unavailable" as const }));
      return discovery.status === "found" && discovery.tenantId.toLowerCase() === tenantId ? domain : null;
    }),
  );
  return found.filter((d): d is string => d !== null);
}
