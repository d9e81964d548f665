import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { inAuditedTransaction } from "@/lib/audit/change";
import { db } from "@/lib/db/client";
import { brokerages, credentialApprovals, outgoingMessages, submissionAttempts, webhookDeliveries } from "@/lib/db/schema";
import { sendExpiryReminders } from "@/lib/expiry/reminders";
import { createApiKey } from "@/lib/handoff/api-keys";
import { handleCredentialsRequest } from "@/lib/handoff/credentials-api";
import { approveAttempt } from "@/lib/review/approve";
import { remindStalledRotations } from "@/lib/rotation/stalled";
import { rotationStateOf } from "@/lib/rotation/state";
import { sendRotationCredential } from "@/lib/rotation/submit";
import { handleRotationRun } from "@/lib/rotation/verify";
import { certificateDownload, currentBrokerageCertificate, issueBrokerageCertificate } from "@/lib/submissions/certificate";
import { createAttempt } from "@/lib/submissions/create-attempt";
import { handleVerificationRun } from "@/lib/submissions/verification-job";
import { CertificateSubmissionSchema, SubmissionSchema } from "@/lib/validation/submission";
import { runVerification } from "@/lib/verification/run";
import { APPS, MAILBOXES, TENANTS } from "@/sim/scenarios";
import { brokerageWithInvite } from "../support/brokerages";
import { createStaff } from "../support/staff";
import { simulatedTenantForFile } from "../support/simulated-tenant";

/**
 * Rotation without downtime with the real MSAL client over HTTPS against the simulator:
 * the expiry reminder prepares the next credential, the administrator adds it beside the
 * old one, and the hand-off switches only once the new one passed its checks.
 */

const tenant = simulatedTenantForFile();
const origin = { ip: "203.0.113.9", userAgent: "vitest" };
const DAY = 86_400_000;

type Handed = { attemptId: string; credentialMethod: string; clientSecret?: string; certificate?: { thumbprintSha256: string; privateKeyPem: string; certificatePem: string; notAfter: string } };

async function handedOff(brokerageId: string): Promise<Handed> {
  const key = await db().transaction((tx) =>
    createApiKey(tx, { name: `Sync ${randomUUID().slice(0, 6)}`, scope: "credentials:read" }, { staffId: "admin-1", origin }),
  );
  const response = await handleCredentialsRequest(
    new Request(`http://localhost/api/v1/brokerages/${brokerageId}/credentials`, { headers: { authorization: `Bearer ${key.key}` } }),
    brokerageId,
  );
  expect(response.status).toBe(200);
  return (await response.json()) as Handed;
}

const details = { tenantId: TENANTS.harbor.id, testMailbox: MAILBOXES.agent, sendTestMessage: false, submitterName: "Dana Whitfield", submitterEmail: "it@rotation.example", submitterPhone: "" };

/** A brokerage whose approved credential is a certificate the portal made and the administrator uploaded. */
async function approvedCertificate(name: string) {
  const csm = await createStaff("csm", { email: `csm-${randomUUID().slice(0, 8)}@vendor.example` });
  const { brokerage } = await brokerageWithInvite(name);
  await db().update(brokerages).set({ csmId: csm.id }).where(eq(brokerages.id, brokerage.id));
  await inAuditedTransaction({ type: "brokerage", id: brokerage.id }, null, (change) => issueBrokerageCertificate(change, brokerage.id));
  const current = (await currentBrokerageCertificate(brokerage.id))!;
  tenant.sim.control.uploadCertificate(APPS.certificate.clientId, { certificate: certificateDownload(current, "pem").body.toString("utf8") });
  const submission = CertificateSubmissionSchema.parse({ ...details, clientId: APPS.certificate.clientId });
  const made = await createAttempt({ brokerageId: brokerage.id, submission, idempotencyKey: randomUUID(), basedOn: 0, origin });
  await handleVerificationRun({ attemptId: made.attemptId, trigger: "submit", retry: 0 });
  await approveAttempt(made.attemptId, { staffId: csm.id });
  return { brokerage, csm, attemptId: made.attemptId, thumbprint: current.thumbprint, notAfter: current.notAfter };
}

/** A brokerage whose approved credential is the sync app's client secret, expiring in 50 days. */
async function approvedSecret(name: string) {
  const csm = await createStaff("csm", { email: `csm-${randomUUID().slice(0, 8)}@vendor.example` });
  const { brokerage } = await brokerageWithInvite(name);
  await db().update(brokerages).set({ csmId: csm.id }).where(eq(brokerages.id, brokerage.id));
  const expires = new Date(Date.now() + 50 * DAY).toISOString().slice(0, 10);
  const [year, month, day] = expires.split("-");
  const submission = SubmissionSchema.parse({ ...details, clientId: APPS.sync.clientId, clientSecret: APPS.sync.secret, expiry: { day, month, year } });
  const made = await createAttempt({ brokerageId: brokerage.id, submission, idempotencyKey: randomUUID(), basedOn: 0, origin });
  await handleVerificationRun({ attemptId: made.attemptId, trigger: "submit", retry: 0 });
  await approveAttempt(made.attemptId, { staffId: csm.id });
  return { brokerage, csm, attemptId: made.attemptId };
}

const messages = (brokerageId: string, kind: string) =>
  db()
    .select({ to: outgoingMessages.toAddress, subject: outgoingMessages.subject, text: outgoingMessages.textBody })
    .from(outgoingMessages)
    .where(and(eq(outgoingMessages.brokerageId, brokerageId), eq(outgoingMessages.kind, kind)));

const send = (brokerageId: string, credential: Parameters<typeof sendRotationCredential>[1]) =>
  sendRotationCredential(brokerageId, credential, { idempotencyKey: randomUUID(), basedOn: 100 }, origin);

describe("rotating a certificate", () => {
  it("prepares the next certificate at the 60-day reminder, verifies it while the old one works, and only then hands it off", async () => {
    const { brokerage, attemptId, thumbprint, notAfter } = await approvedCertificate("Rotation Realty");
    expect((await rotationStateOf(brokerage.id)).phase).toBe("none");

    // The 60-day reminder opens the rotation and links the administrator to its page.
    const at = new Date(notAfter.getTime() - 55 * DAY);
    await sendExpiryReminders(at);
    const opened = await rotationStateOf(brokerage.id, at);
    expect(opened).toMatchObject({ phase: "open", method: "certificate", actionPath: "/submit/rotation" });
    expect(opened.nextThumbprint).not.toBe(thumbprint);
    const [reminder] = await messages(brokerage.id, "secret-expiry-reminder");
    expect(reminder!.subject).toContain("certificate");
    expect(reminder!.text).toContain("We have made the next certificate");

    // The administrator uploads the new certificate beside the old one and sends it.
    const next = (await currentBrokerageCertificate(brokerage.id))!;
    expect(next.thumbprint).toBe(opened.nextThumbprint);
    tenant.sim.control.uploadCertificate(APPS.certificate.clientId, { certificate: certificateDownload(next, "pem").body.toString("utf8") });
    const sent = await send(brokerage.id, { method: "certificate" });
    expect((await rotationStateOf(brokerage.id)).phase).toBe("verifying");

    // Until the new one passes, the sync service still gets the old one, which still signs in.
    const before = await handedOff(brokerage.id);
    expect(before).toMatchObject({ attemptId, certificate: { thumbprintSha256: thumbprint } });
    const old = before.certificate!;
    const oldStillWorks = await runVerification(
      { tenantId: TENANTS.harbor.id, clientId: APPS.certificate.clientId, clientCertificate: { ...old, notAfter: new Date(old.notAfter) }, testMailbox: MAILBOXES.agent, sendTestMessage: false },
      { endpoints: tenant.sim },
    );
    expect(oldStillWorks.outcome).toBe("verified");

    expect(await handleRotationRun({ rotationId: opened.rotationId!, attemptId: sent.attemptId, retry: 0 })).toBe("completed");

    const after = await handedOff(brokerage.id);
    expect(after).toMatchObject({ attemptId: sent.attemptId, credentialMethod: "certificate", certificate: { thumbprintSha256: next.thumbprint } });
    expect(after.certificate!.privateKeyPem).not.toBe(old.privateKeyPem);
    const hooks = await db().select().from(webhookDeliveries).where(and(eq(webhookDeliveries.brokerageId, brokerage.id), eq(webhookDeliveries.eventType, "credentials.rotated")));
    expect(hooks).toHaveLength(1);
    const data = JSON.parse(hooks[0]!.body).data;
    expect(data).toMatchObject({ attemptId: sent.attemptId, previousAttemptId: attemptId, certificateThumbprint: next.thumbprint, rotation: { previousCertificateThumbprint: thumbprint } });
    expect(hooks[0]!.body).not.toMatch(/PRIVATE KEY/);

    // The old attempt is superseded with its key destroyed; the administrator learns when to delete it.
    const [oldRow] = await db().select().from(submissionAttempts).where(eq(submissionAttempts.id, attemptId));
    expect(oldRow).toMatchObject({ status: "superseded", secretCiphertext: null });
    const done = await rotationStateOf(brokerage.id);
    expect(done.phase).toBe("completed");
    expect(done.oldDeletableAfter!.getTime()).toBe(Date.parse(data.rotation.oldDeletableAfter));
    const [told] = await messages(brokerage.id, "rotation-completed");
    expect(told).toMatchObject({ to: "it@rotation.example" });
    expect(told!.text).toContain(`the certificate with thumbprint ${thumbprint}`);
  });

  it("keeps the old certificate in service when the new one was not uploaded, tells the CSM, and completes once it is", async () => {
    const { brokerage, csm, attemptId, thumbprint, notAfter } = await approvedCertificate("Stalled Rotation Realty");
    const at = new Date(notAfter.getTime() - 59 * DAY);
    await sendExpiryReminders(at);
    const opened = await rotationStateOf(brokerage.id, at);

    const sent = await send(brokerage.id, { method: "certificate" });
    expect(await handleRotationRun({ rotationId: opened.rotationId!, attemptId: sent.attemptId, retry: 0 })).toBe("failed");

    expect(await handedOff(brokerage.id)).toMatchObject({ attemptId, certificate: { thumbprintSha256: thumbprint } });
    const [active] = await db().select().from(credentialApprovals).where(and(eq(credentialApprovals.brokerageId, brokerage.id)));
    expect(active).toMatchObject({ attemptId, endedAt: null });
    expect(await rotationStateOf(brokerage.id)).toMatchObject({ phase: "failed", actionPath: "/submit/rotation" });
    const [csmMessage] = await messages(brokerage.id, "rotation-failed");
    expect(csmMessage).toMatchObject({ to: csm.email, subject: "Rotation failed: Stalled Rotation Realty" });
    expect(csmMessage!.text).toContain("The old one stays in service");
    expect(await db().select().from(webhookDeliveries).where(and(eq(webhookDeliveries.brokerageId, brokerage.id), eq(webhookDeliveries.eventType, "credentials.rotated")))).toEqual([]);

    // Weeks later the CSM is reminded that it stalls, once a week at most.
    const later = new Date(at.getTime() + 20 * DAY);
    await remindStalledRotations(later);
    await remindStalledRotations(new Date(later.getTime() + DAY));
    expect(await messages(brokerage.id, "rotation-stalled")).toEqual([expect.objectContaining({ to: csm.email, subject: "Rotation stalled: Stalled Rotation Realty" })]);

    // Uploaded after all, sent again: now it switches.
    const next = (await currentBrokerageCertificate(brokerage.id))!;
    tenant.sim.control.uploadCertificate(APPS.certificate.clientId, { certificate: certificateDownload(next, "pem").body.toString("utf8") });
    const again = await send(brokerage.id, { method: "certificate" });
    expect(await handleRotationRun({ rotationId: opened.rotationId!, attemptId: again.attemptId, retry: 0 })).toBe("completed");
    expect((await handedOff(brokerage.id)).certificate!.thumbprintSha256).toBe(next.thumbprint);
  });
});

describe("rotating a client secret", () => {
  it("refuses a wrong new secret without touching the old one, then hands off a working one", async () => {
    const { brokerage, csm, attemptId } = await approvedSecret("Secret Rotation Realty");
    await sendExpiryReminders();
    const opened = await rotationStateOf(brokerage.id);
    expect(opened).toMatchObject({ phase: "open", method: "client-secret", nextThumbprint: null });
    const [reminder] = await messages(brokerage.id, "secret-expiry-reminder");
    expect(reminder!.text).toContain("keep the current one");

    const expiry = new Date(Date.now() + 365 * DAY).toISOString().slice(0, 10);
    const wrong = await send(brokerage.id, { method: "client-secret", clientSecret: "Wrg8Q~not-the-value-of-any-secret-0000000", secretExpiresOn: expiry });
    expect(await handleRotationRun({ rotationId: opened.rotationId!, attemptId: wrong.attemptId, retry: 0 })).toBe("failed");
    expect(await handedOff(brokerage.id)).toMatchObject({ attemptId, clientSecret: APPS.sync.secret });
    expect(await messages(brokerage.id, "rotation-failed")).toEqual([expect.objectContaining({ to: csm.email })]);

    const added = tenant.sim.control.addSecret(APPS.sync.clientId);
    const good = await send(brokerage.id, { method: "client-secret", clientSecret: added.value, secretExpiresOn: expiry });
    expect(await handleRotationRun({ rotationId: opened.rotationId!, attemptId: good.attemptId, retry: 0 })).toBe("completed");
    expect(await handedOff(brokerage.id)).toMatchObject({ attemptId: good.attemptId, credentialMethod: "client-secret", clientSecret: added.value, secretExpiresOn: expiry });
    const [told] = await messages(brokerage.id, "rotation-completed");
    expect(told!.text).toContain(`the secret whose value starts with ${APPS.sync.secret.slice(0, 3)}`);
  });
});
