import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { auditEvents, brokerages, expiryReminders, invites, outgoingMessages } from "@/lib/db/schema";
import { listExpiringCredentials } from "@/lib/expiry/expiring";
import { sendExpiryReminders } from "@/lib/expiry/reminders";
import { stopSender } from "@/lib/jobs/queue";
import { approveAttempt } from "@/lib/review/approve";
import { revokeCredentials } from "@/lib/review/revoke";
import { installQueue } from "../support/queue";
import { createStaff } from "../support/staff";
import { createBrokerage, useTestKeyRing, verifiedAttempt } from "../support/review-fixtures";

let csm: Awaited<ReturnType<typeof createStaff>>;

beforeAll(async () => {
  useTestKeyRing();
  await installQueue();
  csm = await createStaff("csm", { name: "Casey Morgan", email: "casey.morgan@vendor.example" });
});
afterAll(stopSender);

const day = (iso: string) => new Date(`${iso}T12:00:00Z`);

/** An approved brokerage whose secret expires on `expiresOn`. */
async function approvedExpiringOn(expiresOn: string, name: string, submitterEmail = "it@expiry.example") {
  const b = await createBrokerage({ name, csmId: csm.id, stage: "verified" });
  const { attempt } = await verifiedAttempt(b.id, { secretExpiresOn: expiresOn, submitterEmail, submitterName: "Ivy Tran" });
  expect(await approveAttempt(attempt.id, { staffId: "csm-7" })).toMatchObject({ approvalId: expect.any(String) });
  return { brokerage: b, attempt };
}

async function messagesFor(brokerageId: string) {
  return db()
    .select({ kind: outgoingMessages.kind, to: outgoingMessages.toAddress, subject: outgoingMessages.subject, text: outgoingMessages.textBody })
    .from(outgoingMessages)
    .where(eq(outgoingMessages.brokerageId, brokerageId))
    .orderBy(outgoingMessages.createdAt, outgoingMessages.kind);
}

describe("secret expiry", () => {
  it("lists active credentials expiring within 30, 60 or 90 days, soonest first, expired ones included", async () => {
    const now = day("2030-01-01");
    await approvedExpiringOn("2030-01-20", "Window Twenty");
    await approvedExpiringOn("2030-02-25", "Window Fifty Five");
    await approvedExpiringOn("2030-03-25", "Window Eighty Three");
    await approvedExpiringOn("2029-12-30", "Window Expired");
    const gone = await approvedExpiringOn("2030-01-10", "Window Revoked");
    await revokeCredentials(gone.brokerage.id, { reason: "test" }, { staffId: "csm-7" });
    const names = async (days: number) => (await listExpiringCredentials(days, now)).filter((c) => c.brokerageName.startsWith("Window")).map((c) => [c.brokerageName, c.daysLeft]);
    expect(await names(30)).toEqual([["Window Expired", -2], ["Window Twenty", 19]]);
    expect(await names(60)).toEqual([["Window Expired", -2], ["Window Twenty", 19], ["Window Fifty Five", 55]]);
    expect((await names(90)).map(([n]) => n)).toEqual(["Window Expired", "Window Twenty", "Window Fifty Five", "Window Eighty Three"]);
    expect(await listExpiringCredentials(90, now, { csm: "someone-else" })).toEqual([]);
    expect((await listExpiringCredentials(30, now, { csm: csm.id })).length).toBeGreaterThanOrEqual(2);
  });

  it("reminds the administrator and the CSM at 60, 30 and 7 days, once each, then marks the brokerage expired", async () => {
    const { brokerage, attempt } = await approvedExpiringOn("2031-03-01", "Reminder Realty", "ivy@reminder.example");
    const told = async (iso: string) =>
      (await sendExpiryReminders(day(iso))).filter((s) => s.brokerageId === brokerage.id).map((s) => `${s.recipient}:${s.daysBefore}:${s.to}`);

    expect(await told("2030-12-30")).toEqual([]); // 61 days before
    expect(await told("2030-12-31")).toEqual(["administrator:60:ivy@reminder.example", "csm:60:casey.morgan@vendor.example"]);
    expect(await told("2030-12-31")).toEqual([]); // the job ran twice today
    expect(await told("2031-01-15")).toEqual([]);
    expect(await told("2031-01-30")).toEqual(["administrator:30:ivy@reminder.example", "csm:30:casey.morgan@vendor.example"]);
    expect(await told("2031-02-22")).toEqual(["administrator:7:ivy@reminder.example", "csm:7:casey.morgan@vendor.example"]);
    expect(await told("2031-03-01")).toEqual([]); // the expiry day itself: still valid
    expect((await db().query.brokerages.findFirst({ where: eq(brokerages.id, brokerage.id) }))?.stage).toBe("approved");
    expect(await told("2031-03-02")).toEqual(["administrator:0:ivy@reminder.example", "csm:0:casey.morgan@vendor.example"]);
    expect(await told("2031-03-09")).toEqual([]);

    expect((await db().query.brokerages.findFirst({ where: eq(brokerages.id, brokerage.id) }))?.stage).toBe("expired");
    const messages = await messagesFor(brokerage.id);
    expect(messages.map((m) => [m.kind, m.to])).toEqual([
      ["secret-expiry-reminder", "ivy@reminder.example"],
      ["secret-expiry-reminder-csm", "casey.morgan@vendor.example"],
      ["secret-expiry-reminder", "ivy@reminder.example"],
      ["secret-expiry-reminder-csm", "casey.morgan@vendor.example"],
      ["secret-expiry-reminder", "ivy@reminder.example"],
      ["secret-expiry-reminder-csm", "casey.morgan@vendor.example"],
      ["secret-expired", "ivy@reminder.example"],
      ["secret-expired-csm", "casey.morgan@vendor.example"],
    ]);
    expect(messages[0]!.subject).toBe("Your MoxiEngage Microsoft 365 client secret expires in 60 days");
    expect(messages[0]!.text).toContain("Reminder Realty's Microsoft 365 to MoxiEngage expires on 2031-03-01, in 60 days");
    expect(messages[0]!.text).toContain("/invite/[link hidden]");
    expect(messages[1]!.subject).toBe("Credentials expire in 60 days: Reminder Realty");
    expect(messages[1]!.text).toContain(`/staff/submissions/${attempt.id}`);
    expect(messages[6]!.subject).toBe("Your MoxiEngage Microsoft 365 client secret has expired");
    // Each reminder carried a fresh link; only the last still works.
    const links = await db().select().from(invites).where(eq(invites.brokerageId, brokerage.id));
    expect(links).toHaveLength(4);
    expect(links.filter((l) => !l.revokedAt)).toHaveLength(1);
    expect(await db().$count(expiryReminders)).toBeGreaterThanOrEqual(8);
    const [expired] = await db().select().from(auditEvents).where(and(eq(auditEvents.brokerageId, brokerage.id), eq(auditEvents.action, "brokerage.expired")));
    expect(expired).toMatchObject({ actorType: "system" });
  });

  it("sends only the most urgent reminder when the job missed the earlier ones", async () => {
    const { brokerage } = await approvedExpiringOn("2032-06-10", "Catch Up Homes");
    const sent = (await sendExpiryReminders(day("2032-06-05"))).filter((s) => s.brokerageId === brokerage.id);
    expect(sent.map((s) => s.daysBefore)).toEqual([7, 7]);
    expect((await messagesFor(brokerage.id)).find((m) => m.kind === "secret-expiry-reminder")?.subject).toBe("Your MoxiEngage Microsoft 365 client secret expires in 5 days");
  });

  it("starts afresh after rotation and says nothing about revoked credentials", async () => {
    const rotated = await approvedExpiringOn("2033-01-20", "Rotation Realty");
    await sendExpiryReminders(day("2033-01-01"));
    const { attempt: fresh } = await verifiedAttempt(rotated.brokerage.id, { secretExpiresOn: "2033-02-10" });
    await approveAttempt(fresh.id, { staffId: "csm-7" });
    const revoked = await approvedExpiringOn("2033-01-25", "Revoked Realty");
    await revokeCredentials(revoked.brokerage.id, { reason: "offboarded" }, { staffId: "csm-7" });

    const sent = await sendExpiryReminders(day("2033-01-05"));
    expect(sent.filter((s) => s.brokerageId === revoked.brokerage.id)).toEqual([]);
    // 36 days left on the new secret: its own 60-day reminder, though the old one had its 30-day one.
    expect(sent.filter((s) => s.brokerageId === rotated.brokerage.id).map((s) => s.daysBefore)).toEqual([60, 60]);
  });
});
