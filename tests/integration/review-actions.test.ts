import { and, desc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { UserError } from "@/lib/errors";
import { stopSender } from "@/lib/jobs/queue";
import { auditEvents, brokerages, changeRequests, credentialApprovals, invites, notes, outgoingMessages, webhookDeliveries } from "@/lib/db/schema";
import { approveAttempt } from "@/lib/review/approve";
import { getSubmissionDetail } from "@/lib/review/detail";
import { addNote } from "@/lib/review/notes";
import { buildRunReport } from "@/lib/review/report";
import { requestChanges } from "@/lib/review/request-changes";
import { requestRerun } from "@/lib/review/rerun";
import { revokeCredentials } from "@/lib/review/revoke";
import { installQueue } from "../support/queue";
import { attemptRow, createAttempt, createBrokerage, recordRun, SECRET, useTestKeyRing, verifiedAttempt } from "../support/review-fixtures";

beforeAll(async () => {
  useTestKeyRing();
  await installQueue();
});
afterAll(stopSender);

/** The refusal a review action threw: words for the CSM, on a field when the input was wrong. */
async function refusal(promise: Promise<unknown>): Promise<UserError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(UserError);
  return error as UserError;
}
const refused = { field: undefined };

const csm = { staffId: "csm-1", origin: { ip: "203.0.113.9", userAgent: "test" } };
const hoursAgo = (h: number) => new Date(Date.now() - h * 3_600_000);

async function auditFor(brokerageId: string) {
  return db().select().from(auditEvents).where(eq(auditEvents.brokerageId, brokerageId)).orderBy(desc(auditEvents.id));
}

async function deliveriesFor(brokerageId: string) {
  return db().select().from(webhookDeliveries).where(eq(webhookDeliveries.brokerageId, brokerageId)).orderBy(webhookDeliveries.createdAt);
}

describe("approving", () => {
  it("makes a freshly verified attempt the active credentials, records the event without the secret, and audits it", async () => {
    const b = await createBrokerage({ stage: "verified" });
    const { attempt, run } = await verifiedAttempt(b.id);
    const result = await approveAttempt(attempt.id, csm);
    expect(result).toMatchObject({ event: "credentials.approved" });

    expect((await attemptRow(attempt.id)).status).toBe("approved");
    const brokerage = await db().query.brokerages.findFirst({ where: eq(brokerages.id, b.id) });
    expect(brokerage?.stage).toBe("approved");
    const [approval] = await db().select().from(credentialApprovals).where(eq(credentialApprovals.attemptId, attempt.id));
    expect(approval).toMatchObject({ approvedBy: "csm-1", runId: run.id, endedAt: null });

    const [delivery] = await deliveriesFor(b.id);
    expect(delivery?.eventType).toBe("credentials.approved");
    expect(delivery?.body).not.toContain(SECRET);
    expect(JSON.parse(delivery!.body)).toMatchObject({
      type: "credentials.approved",
      data: { brokerageId: b.id, attemptId: attempt.id, tenantId: attempt.tenantId, clientId: attempt.clientId, secretExpiresOn: "2027-06-30" },
    });
    const [audit] = await auditFor(b.id);
    expect(audit).toMatchObject({ action: "attempt.approved", actorType: "staff", actorId: "csm-1", ip: "203.0.113.9" });
  });

  it("refuses a verified run older than 24 hours, and a failing attempt, changing nothing", async () => {
    const b = await createBrokerage({ stage: "verified" });
    const { attempt } = await verifiedAttempt(b.id, {}, hoursAgo(25));
    const stale = await refusal(approveAttempt(attempt.id, csm));
    expect(stale).toMatchObject(refused);
    expect(stale.message).toContain("re-run the checks");

    const failed = await createAttempt(b.id, { status: "failed" });
    await recordRun(failed.id, { outcome: "failed", failing: ["token"] });
    expect(await refusal(approveAttempt(failed.id, csm))).toMatchObject(refused);

    expect((await attemptRow(attempt.id)).status).toBe("verified");
    expect(await db().$count(credentialApprovals, eq(credentialApprovals.brokerageId, b.id))).toBe(0);
    expect(await deliveriesFor(b.id)).toEqual([]);
    expect(await refusal(approveAttempt("00000000-0000-4000-8000-000000000000", csm))).toMatchObject({ ...refused, message: "There is no such submission." });
  });

  it("rotates: approving new credentials replaces the active ones, destroys the old secret and says so in the event", async () => {
    const b = await createBrokerage({ stage: "verified" });
    const { attempt: first } = await verifiedAttempt(b.id);
    await approveAttempt(first.id, csm);
    const { attempt: second } = await verifiedAttempt(b.id, { secret: "Xyz8Q~another-secret-value-for-tests-000" });
    const result = await approveAttempt(second.id, { staffId: "csm-2" });
    expect(result).toMatchObject({ event: "credentials.rotated" });

    const old = await attemptRow(first.id);
    expect(old).toMatchObject({ status: "superseded", secretCiphertext: null, secretKeyId: null });
    expect(old.secretDestroyedAt).toBeInstanceOf(Date);
    const approvals = await db().select().from(credentialApprovals).where(eq(credentialApprovals.brokerageId, b.id));
    expect(approvals.find((a) => a.attemptId === first.id)).toMatchObject({ endReason: "rotated", endedBy: "csm-2" });
    expect(approvals.filter((a) => !a.endedAt).map((a) => a.attemptId)).toEqual([second.id]);
    const events = await deliveriesFor(b.id);
    expect(events.map((e) => e.eventType)).toEqual(["credentials.approved", "credentials.rotated"]);
    expect(JSON.parse(events[1]!.body).data.previousAttemptId).toBe(first.id);
  });

  it("approves once when two CSMs click at the same moment", async () => {
    const b = await createBrokerage({ stage: "verified" });
    const { attempt } = await verifiedAttempt(b.id);
    const results = await Promise.allSettled([approveAttempt(attempt.id, csm), approveAttempt(attempt.id, { staffId: "csm-2" })]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const lost = results.find((r) => r.status === "rejected");
    expect(lost?.reason).toBeInstanceOf(UserError);
    expect(lost?.reason).toMatchObject({ ...refused, message: "These credentials are already approved." });
    expect(await deliveriesFor(b.id)).toHaveLength(1);
  });
});

describe("revoking", () => {
  it("ends the active credentials, destroys the secret, moves the stage and records the revocation event", async () => {
    const b = await createBrokerage({ stage: "verified" });
    const { attempt } = await verifiedAttempt(b.id);
    await approveAttempt(attempt.id, csm);
    expect(await refusal(revokeCredentials(b.id, { reason: " " }, csm))).toMatchObject({ field: "reason", message: "Enter why the credentials are revoked" });
    expect(await revokeCredentials(b.id, { reason: "Brokerage left the platform" }, csm)).toEqual({ attemptId: attempt.id });

    expect(await attemptRow(attempt.id)).toMatchObject({ status: "superseded", secretCiphertext: null });
    expect((await db().query.brokerages.findFirst({ where: eq(brokerages.id, b.id) }))?.stage).toBe("revoked");
    expect((await deliveriesFor(b.id)).map((d) => d.eventType)).toEqual(["credentials.approved", "credentials.revoked"]);
    expect((await auditFor(b.id))[0]).toMatchObject({ action: "credentials.revoked", detail: expect.objectContaining({ reason: "Brokerage left the platform" }) });
    expect(await refusal(revokeCredentials(b.id, { reason: "again" }, csm))).toMatchObject(refused);
  });
});

describe("requesting changes", () => {
  it("emails the administrator the chosen remediation and a fresh link, and earlier links stop working", async () => {
    const b = await createBrokerage({ name: "Changes Realty", stage: "failed" });
    const attempt = await createAttempt(b.id, { status: "failed" });
    await recordRun(attempt.id, { outcome: "failed", failing: ["permissions"] });
    const [oldInvite] = await db()
      .insert(invites)
      .values({ brokerageId: b.id, tokenHash: "f".repeat(64), recipientEmail: "ANA@harbor.example", expiresAt: new Date(Date.now() + 86_400_000) })
      .returning();

    const result = await requestChanges(attempt.id, { checkIds: ["permissions"], message: "Grant consent as a Global Administrator." }, csm);
    expect(result.changeRequestId).toEqual(expect.any(String));

    const [message] = await db().select().from(outgoingMessages).where(and(eq(outgoingMessages.brokerageId, b.id), eq(outgoingMessages.kind, "changes-requested")));
    expect(message?.toAddress).toBe("ana@harbor.example");
    expect(message?.subject).toBe("Changes needed to connect Changes Realty to MoxiEngage");
    // The remediation catalog's words for the chosen problem, with its guide section.
    expect(message?.textBody).toContain("- Admin consent has not been granted: The app signed in but holds no application permissions.");
    expect(message?.textBody).toContain("/guide#grant-consent");
    expect(message?.textBody).toContain("Grant consent as a Global Administrator.");
    expect(message?.textBody).toMatch(/\/invite\/[A-Za-z0-9_-]{43}/);
    expect(message?.htmlBody).toContain("<li>");
    expect(message?.textBody).not.toContain(SECRET);

    const links = await db().select().from(invites).where(eq(invites.brokerageId, b.id));
    expect(links.find((i) => i.id === oldInvite!.id)?.revokedAt).toBeInstanceOf(Date);
    expect(links.filter((i) => !i.revokedAt)).toHaveLength(1);
    const [request] = await db().select().from(changeRequests).where(eq(changeRequests.attemptId, attempt.id));
    expect(request).toMatchObject({ checkIds: ["permissions"], requestedBy: "csm-1", messageId: message!.id });
    expect((await auditFor(b.id))[0]?.action).toBe("attempt.changes-requested");
  });

  it("refuses an empty request or a check that did not fail, sending nothing", async () => {
    const b = await createBrokerage({ stage: "failed" });
    const attempt = await createAttempt(b.id, { status: "failed" });
    await recordRun(attempt.id, { outcome: "failed", failing: ["token"] });
    expect(await refusal(requestChanges(attempt.id, { checkIds: [], message: "   " }, csm))).toMatchObject({
      field: "checkIds",
      message: "Choose at least one problem to fix, or write a message",
    });
    expect(await refusal(requestChanges(attempt.id, { checkIds: ["mail.send"] }, csm))).toMatchObject({ field: "checkIds" });
    expect(await db().$count(outgoingMessages, eq(outgoingMessages.brokerageId, b.id))).toBe(0);
    expect(await db().$count(invites, eq(invites.brokerageId, b.id))).toBe(0);
  });
});

describe("the submission detail", () => {
  it("shows every attempt, every run's checks with Microsoft codes, what changed, and no ciphertext", async () => {
    const b = await createBrokerage({ name: "Detail Homes", stage: "verified" });
    const first = await createAttempt(b.id, { status: "superseded", testMailbox: "admin@harbor.example" });
    await recordRun(first.id, { outcome: "failed", failing: ["calendar.read"], finishedAt: hoursAgo(2) });
    const { attempt: second } = await verifiedAttempt(b.id, { secret: "Nw9Q~new-secret-value-0000000000000000" });
    await addNote(b.id, { body: "Called the administrator; new mailbox coming." }, csm);

    const detail = (await getSubmissionDetail(second.id))!;
    expect(detail.brokerage.name).toBe("Detail Homes");
    expect(detail.attempts.map((a) => a.number)).toEqual([2, 1]);
    expect(detail.runs).toHaveLength(1);
    expect(detail.runs[0]!.checks.map((c) => c.id)).toEqual(["input", "tenant", "token", "permissions", "calendar.read", "calendar.write", "contacts.read", "contacts.write", "mail.send", "secret.expiry", "scope.outside"]);
    expect(detail.changes?.values.map((v) => [v.label, v.before, v.after])).toEqual([
      ["Test mailbox", "admin@harbor.example", "sync@harbor.example"],
      ["Client secret (first 3 characters)", "Abc", "Nw9"],
    ]);
    expect(detail.changes?.checks).toEqual([{ checkId: "calendar.read", before: "fail", after: "pass" }]);
    expect(detail.approvalBlocker).toBeNull();
    expect(detail.notes.map((n) => n.body)).toEqual(["Called the administrator; new mailbox coming."]);
    const text = JSON.stringify(detail);
    expect(text).not.toContain(SECRET);
    expect(text).not.toMatch(/ciphertext|keyId|PRIVATE KEY/i);

    const older = (await getSubmissionDetail(first.id))!;
    expect(older.runs[0]!.checks.find((c) => c.id === "calendar.read")).toMatchObject({
      status: "fail",
      reason: "mailbox-not-found",
      microsoft: { code: "AADSTS7000215", requestId: "3f1c0d7e-8b9a-4c2d-9e1f-0a1b2c3d4e5f" },
    });
    expect(older.approvalBlocker).toContain("no longer current");
  });

  it("shows the ten latest runs of credentials re-verified every day", async () => {
    const b = await createBrokerage();
    const attempt = await createAttempt(b.id, { status: "approved" });
    for (let day = 12; day >= 1; day--) await recordRun(attempt.id, { outcome: "verified", trigger: "scheduled", finishedAt: hoursAgo(day * 24) });
    const detail = (await getSubmissionDetail(attempt.id))!;
    expect(detail.runs).toHaveLength(10);
    expect(detail.moreRuns).toBe(true);
    expect(detail.runs[0]!.startedAt.getTime()).toBeGreaterThan(detail.runs[9]!.startedAt.getTime());
    expect(detail.runs.every((r) => r.checks.length === 11)).toBe(true);
  });

  it("exports a run as a report without the secret, contact details or secret-looking data", async () => {
    const b = await createBrokerage({ name: "Report & Sons Realty" });
    const attempt = await createAttempt(b.id, { status: "failed", submitterPhone: "+1 555 0100" });
    const run = await recordRun(attempt.id, { outcome: "failed", failing: ["permissions"] });
    const built = (await buildRunReport(run.id))!;
    expect(built.fileName).toMatch(/^verification-report-sons-realty-attempt-1-\d{4}-\d{2}-\d{2}\.json$/);
    const text = JSON.stringify(built.report);
    for (const hidden of [SECRET, "must-not-appear", "ana@harbor.example", "Ana Admin", "+1 555 0100", "clientSecret"]) expect(text).not.toContain(hidden);
    expect(built.report.checks.find((c) => c.id === "permissions")).toMatchObject({ reason: "consent-missing", data: { missing: ["Mail.Send"] } });
    expect(built.report.attempt).toMatchObject({ tenantId: attempt.tenantId, secretHint: "Abc…" });
  });

  it("keeps notes valid and audited", async () => {
    const b = await createBrokerage();
    expect(await refusal(addNote(b.id, { body: "  " }, csm))).toMatchObject({ field: "body", message: "Enter the note" });
    expect(await refusal(addNote(b.id, { body: "x".repeat(5001) }, csm))).toMatchObject({ field: "body" });
    expect(await refusal(addNote(b.id, { body: "ok\u200b" }, csm))).toMatchObject({ field: "body" });
    expect(await db().$count(notes, eq(notes.brokerageId, b.id))).toBe(0);
    expect((await addNote(b.id, { body: "Line one\nLine two" }, csm)).noteId).toEqual(expect.any(String));
    expect((await auditFor(b.id))[0]?.action).toBe("note.added");
  });

  it("refuses a re-run once the secret is destroyed", async () => {
    const b = await createBrokerage();
    const gone = await createAttempt(b.id, { status: "superseded", secretCiphertext: null, secretKeyId: null, secretDestroyedAt: new Date() });
    await expect(requestRerun(gone.id, csm)).rejects.toThrow(new UserError("The secret of this attempt has been destroyed, so its checks cannot run again."));
    expect(await auditFor(b.id)).toEqual([]);
  });
});
