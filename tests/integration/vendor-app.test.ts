import { and, eq } from "drizzle-orm";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createBrokerageSession, readBrokerageSession, type BrokerageSession } from "@/lib/auth/brokerage-session";
import { db } from "@/lib/db/client";
import { auditEvents, outgoingMessages, submissionAttempts, vendorConsents, webhookDeliveries } from "@/lib/db/schema";
import { resetEnvCache } from "@/lib/env";
import { createApiKey } from "@/lib/handoff/api-keys";
import { handleCredentialsRequest } from "@/lib/handoff/credentials-api";
import { resetVendorApp, vendorApp } from "@/lib/microsoft/vendor-app";
import { approveAttempt } from "@/lib/review/approve";
import { listQueue } from "@/lib/review/queues";
import { reverifyAttempt } from "@/lib/reverify/schedule";
import { recordVerificationRun } from "@/lib/runs/record";
import { createAttempt } from "@/lib/submissions/create-attempt";
import { handleVerificationRun } from "@/lib/submissions/verification-job";
import { completeVendorConsent, pendingConsent, startVendorConsent, tenantDomainsForBrokerage } from "@/lib/submissions/vendor-consent";
import { MAILBOXES, TENANTS } from "@/sim/scenarios";
import { ensureVendorAppCertificateFile, VENDOR_APP } from "@/sim/vendor-app";
import { brokerageWithInvite } from "../support/brokerages";
import { simulatedTenantForFile } from "../support/simulated-tenant";

/**
 * "Connect with Microsoft" (the `vendor-app` method) end to end: the portal's
 * admin-consent URL, the simulator's consent page over HTTPS (who signs in, Accept or
 * Cancel) and its redirect, the callback, then the real MSAL client signing in to the
 * consented tenant with the vendor's certificate, the hand-off, and the scheduled
 * re-verification noticing when the customer deletes the enterprise application.
 */

const tenant = simulatedTenantForFile();
const origin = { ip: "203.0.113.5", userAgent: "vitest" };

beforeAll(() => {
  process.env.MICROSOFT_VENDOR_APP_CLIENT_ID = VENDOR_APP.clientId;
  process.env.MICROSOFT_VENDOR_APP_CERTIFICATE = ensureVendorAppCertificateFile();
  resetEnvCache();
  resetVendorApp();
});
beforeEach(() => tenant.sim.control.reset());

async function sessionFor(name: string): Promise<BrokerageSession> {
  const { brokerage, inviteId } = await brokerageWithInvite(name);
  const { value } = await createBrokerageSession(db(), { brokerageId: brokerage.id, inviteId });
  return (await readBrokerageSession(value))!;
}

/** The administrator on the simulator's consent page: signs in as `upn`, then Accept or Cancel; returns the callback's query. */
async function consentPage(consentUrl: string, upn: string, decision: "accept" | "cancel"): Promise<URLSearchParams> {
  const page = await fetch(consentUrl);
  expect(page.status).toBe(200);
  const html = await page.text();
  expect(html).toContain(upn);
  const url = new URL(consentUrl);
  const form = new URLSearchParams({
    client_id: url.searchParams.get("client_id")!,
    redirect_uri: url.searchParams.get("redirect_uri")!,
    state: url.searchParams.get("state")!,
    scope: url.searchParams.get("scope")!,
    login_hint: upn,
    decision,
  });
  const answer = await fetch(consentUrl, { method: "POST", body: form, redirect: "manual" });
  expect(answer.status).toBe(302);
  const location = new URL(answer.headers.get("location")!);
  expect(`${location.origin}${location.pathname}`).toBe(url.searchParams.get("redirect_uri"));
  return location.searchParams;
}

const harborEnterpriseApps = () => tenant.sim.control.enterpriseApps(VENDOR_APP.clientId).filter((a) => a.tenantId === TENANTS.harbor.id);

const consentRows = (brokerageId: string) => db().select().from(vendorConsents).where(eq(vendorConsents.brokerageId, brokerageId));

describe("Connect with Microsoft", () => {
  it("sends the administrator to the admin-consent endpoint with the vendor's client id, Graph's .default and a state", async () => {
    const session = await sessionFor("Consent URL Realty");
    const url = new URL(await startVendorConsent(session, origin));
    expect(url.pathname).toBe("/organizations/v2.0/adminconsent");
    expect(url.searchParams.get("client_id")).toBe(VENDOR_APP.clientId);
    expect(url.searchParams.get("scope")).toMatch(/\/\.default$/);
    expect(url.searchParams.get("redirect_uri")).toBe("http://localhost:3000/submit/connect/callback");
    expect(url.searchParams.get("state")).toMatch(/^[A-Za-z0-9_-]{43}$/);
    // Only the state's hash is kept.
    const [row] = await consentRows(session.brokerageId);
    expect(row!.stateHash).not.toContain(url.searchParams.get("state"));
  });

  it("accepted by a Global Administrator: the tenant verifies with the vendor credential, hands off the tenant id only", async () => {
    const session = await sessionFor("Vendor Consent Realty");
    const callback = await consentPage(await startVendorConsent(session, origin), "admin@harbor.example", "accept");
    expect(callback.get("admin_consent")).toBe("True");
    expect(harborEnterpriseApps()).toEqual([expect.objectContaining({ roles: ["Calendars.ReadWrite", "Contacts.ReadWrite", "Mail.Send"] })]);

    const result = await completeVendorConsent(session, callback, origin);
    expect(result.kind).toBe("consented");
    const consentId = (result as { consentId: string }).consentId;
    expect(await pendingConsent(session, consentId)).toEqual({ id: consentId, tenantId: TENANTS.harbor.id });
    // The test mailbox is asked with the tenant's domains offered.
    expect(await tenantDomainsForBrokerage(session.brokerageId, TENANTS.harbor.id)).toEqual(["harbor.example"]);

    const consentedAt = Date.now();
    const outcome = await createAttempt({
      brokerageId: session.brokerageId,
      submission: {
        credentialMethod: "vendor-app",
        tenantId: TENANTS.harbor.id,
        clientId: VENDOR_APP.clientId,
        testMailbox: MAILBOXES.agent,
        sendTestMessage: false,
        submitterName: "Dana Whitfield",
        submitterEmail: "it@harbor.example",
        submitterPhone: null,
      },
      idempotencyKey: crypto.randomUUID(),
      basedOn: 0,
      origin,
    });
    await handleVerificationRun({ attemptId: outcome.attemptId, trigger: "submit", retry: 0 });
    const [attempt] = await db().select().from(submissionAttempts).where(eq(submissionAttempts.id, outcome.attemptId));
    expect(attempt).toMatchObject({ status: "verified", credentialMethod: "vendor-app", secretCiphertext: null, tenantId: TENANTS.harbor.id });
    console.log(`consent accepted → verified: ${Date.now() - consentedAt} ms`);

    await approveAttempt(attempt!.id, { staffId: "csm-7" });
    const [hook] = await db().select().from(webhookDeliveries).where(eq(webhookDeliveries.brokerageId, session.brokerageId));
    expect(JSON.parse(hook!.body).data).toMatchObject({ credentialMethod: "vendor-app", tenantId: TENANTS.harbor.id, clientId: VENDOR_APP.clientId });
    const key = await db().transaction((tx) => createApiKey(tx, { name: "Sync vendor", scope: "credentials:read" }, { staffId: "admin-1", origin }));
    const response = await handleCredentialsRequest(
      new Request(`http://localhost/api/v1/brokerages/${session.brokerageId}/credentials`, { headers: { authorization: `Bearer ${key.key}` } }),
      session.brokerageId,
    );
    const body = (await response.json()) as Record<string, unknown>;
    expect(body).toMatchObject({ credentialMethod: "vendor-app", tenantId: TENANTS.harbor.id });
    expect(body.clientSecret).toBeUndefined();
    expect(body.certificate).toBeUndefined();
    // The vendor's private key is in no response or stored row.
    const keyLine = vendorApp()!.certificate.privateKeyPem.split("\n")[2]!;
    expect(JSON.stringify(body)).not.toContain(keyLine);
    expect(hook!.body).not.toMatch(/PRIVATE KEY/);
  });

  it("consent later removed: the scheduled re-verification flags it and alerts the CSM", async () => {
    const session = await sessionFor("Removed Consent Realty");
    const callback = await consentPage(await startVendorConsent(session, origin), "admin@harbor.example", "accept");
    await completeVendorConsent(session, callback, origin);
    const outcome = await createAttempt({
      brokerageId: session.brokerageId,
      submission: { credentialMethod: "vendor-app", tenantId: TENANTS.harbor.id, clientId: VENDOR_APP.clientId, testMailbox: MAILBOXES.agent, sendTestMessage: false, submitterName: "Dana", submitterEmail: "it@harbor.example", submitterPhone: null },
      idempotencyKey: crypto.randomUUID(),
      basedOn: 0,
      origin,
    });
    await handleVerificationRun({ attemptId: outcome.attemptId, trigger: "submit", retry: 0 });
    await approveAttempt(outcome.attemptId, { staffId: "csm-7" });
    expect(await reverifyAttempt(outcome.attemptId, recordVerificationRun)).toBe("unchanged");

    // The administrator deletes the enterprise application in Entra.
    tenant.sim.control.deleteEnterpriseApp(TENANTS.harbor.id, VENDOR_APP.clientId);
    expect(await reverifyAttempt(outcome.attemptId, recordVerificationRun)).toBe("regressed");
    expect((await listQueue("failing", { search: "removed consent" })).rows[0]?.problems).toEqual(["vendor-app-not-consented"]);
    const [alert] = await db().select().from(outgoingMessages).where(and(eq(outgoingMessages.brokerageId, session.brokerageId), eq(outgoingMessages.kind, "credentials-regressed")));
    expect(alert?.subject).toBe("Approved credentials stopped working: Removed Consent Realty");
  });

  it("cancelled: consent-declined, nothing granted", async () => {
    const session = await sessionFor("Cancelled Consent Realty");
    const callback = await consentPage(await startVendorConsent(session, origin), "admin@harbor.example", "cancel");
    expect(callback.get("error")).toBe("access_denied");
    const result = await completeVendorConsent(session, callback, origin);
    expect(result).toMatchObject({ kind: "failed", reason: "consent-declined" });
    expect(harborEnterpriseApps()).toEqual([]);
    const [row] = await consentRows(session.brokerageId);
    expect(row).toMatchObject({ outcome: "consent-declined", microsoftCode: "AADSTS65004", tenantId: null });
  });

  it("an Application Administrator cannot grant Graph application permissions: refused with the roles that can", async () => {
    const session = await sessionFor("App Admin Realty");
    const callback = await consentPage(await startVendorConsent(session, origin), "apps@harbor.example", "accept");
    const result = await completeVendorConsent(session, callback, origin);
    expect(result).toMatchObject({ kind: "failed", reason: "consent-admin-required" });
    expect(harborEnterpriseApps()).toEqual([]);
    const [row] = await consentRows(session.brokerageId);
    expect(row).toMatchObject({ microsoftCode: "AADSTS90094" });
  });

  it("a replayed, expired or foreign state is refused and changes nothing", async () => {
    const session = await sessionFor("State Realty");
    const other = await sessionFor("Other State Realty");
    const callback = await consentPage(await startVendorConsent(session, origin), "admin@harbor.example", "accept");

    // Another brokerage's session cannot use it.
    expect(await completeVendorConsent(other, callback, origin)).toEqual({ kind: "refused" });
    expect((await consentRows(session.brokerageId))[0]).toMatchObject({ usedAt: null, outcome: null, tenantId: null });
    expect(await consentRows(other.brokerageId)).toEqual([]);
    // Nor after it expired.
    expect(await completeVendorConsent(session, callback, origin, new Date(Date.now() + 16 * 60_000))).toEqual({ kind: "refused" });
    expect((await consentRows(session.brokerageId))[0]).toMatchObject({ usedAt: null, outcome: null });

    expect((await completeVendorConsent(session, callback, origin)).kind).toBe("consented");
    const [used] = await consentRows(session.brokerageId);
    // Replayed: refused, and the recorded consent stays as it was.
    const tampered = new URLSearchParams(callback);
    tampered.set("tenant", TENANTS.summit.id);
    expect(await completeVendorConsent(session, tampered, origin)).toEqual({ kind: "refused" });
    expect(await completeVendorConsent(session, callback, origin)).toEqual({ kind: "refused" });
    expect((await consentRows(session.brokerageId))[0]).toEqual(used);
    const granted = await db().select().from(auditEvents).where(and(eq(auditEvents.brokerageId, session.brokerageId), eq(auditEvents.action, "consent.granted")));
    expect(granted).toHaveLength(1);
    // A made-up state is refused too.
    expect(await completeVendorConsent(session, new URLSearchParams({ state: "x".repeat(43), tenant: TENANTS.harbor.id, admin_consent: "True" }), origin)).toEqual({ kind: "refused" });
  });
});
