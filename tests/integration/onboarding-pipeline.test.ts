import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { inAuditedTransaction, UnauditedChangeError, type Change } from "@/lib/audit/change";
import { UserError } from "@/lib/errors";
import { db } from "@/lib/db/client";
import { auditEvents, brokerages, invites } from "@/lib/db/schema";
import { getBrokerageDetail } from "@/lib/onboarding/brokerage-detail";
import { createBrokerage, updateBrokerage } from "@/lib/onboarding/brokerages";
import { issueInvite, resendInvite, revokeInvite } from "@/lib/onboarding/invites";
import { listPipeline, stageCounts } from "@/lib/onboarding/pipeline";
import { BrokerageSchema } from "@/lib/onboarding/validation";
import { createStaff } from "../support/staff";

let staffId: string;
let csmId: string;
const asStaff = <T>(fn: (change: Change) => Promise<T>) => inAuditedTransaction({ type: "staff", id: staffId }, { ip: "192.0.2.9", userAgent: "test" }, fn);

beforeAll(async () => {
  staffId = (await createStaff("onboarding")).id;
  csmId = (await createStaff("csm", { name: "Casey Success" })).id;
});

const DAY = 86_400_000;

async function brokerage(name: string, csm: string | null = null) {
  return asStaff((change) => createBrokerage(change, { name, emailDomain: `${name.toLowerCase().replace(/\W+/g, "")}.example`, csmId: csm }));
}

async function invite(brokerageId: string, email: string) {
  return asStaff((change) => issueInvite(change, { brokerageId, recipientEmail: email, recipientName: null, days: 14, sendEmail: false }));
}

describe("brokerages", () => {
  it("normalises what was typed and explains each problem", () => {
    const ok = BrokerageSchema.safeParse({ name: "  Harbor   Realty ", emailDomain: " @Harbor.Example. ", csmId: "none" });
    expect(ok.success && ok.data).toEqual({ name: "Harbor Realty", emailDomain: "harbor.example", csmId: null });
    const bad = BrokerageSchema.safeParse({ name: "", emailDomain: "not a domain" });
    expect(bad.success).toBe(false);
    if (!bad.success) expect(bad.error.issues.map((i) => i.message)).toEqual(["Enter the brokerage's name", "Enter an email domain in the correct format, like harborrealty.com"]);
  });

  it("refuses a second brokerage with the same name, and a CSM who is not one, changing nothing", async () => {
    await brokerage("Cedar Homes");
    const events = await db().$count(auditEvents);
    await expect(brokerage("CEDAR HOMES")).rejects.toThrow(new UserError("A brokerage called CEDAR HOMES already exists", "name"));
    await expect(brokerage("Pine Homes", staffId)).rejects.toThrow("Choose a customer-success manager from the list");
    expect(await db().$count(brokerages, eq(brokerages.name, "Pine Homes"))).toBe(0);
    expect(await db().$count(auditEvents)).toBe(events);
  });

  it("records who changed what, from where", async () => {
    const created = await brokerage("Oak Realty");
    await asStaff((change) => updateBrokerage(change, created.id, { name: "Oak Realty Group", emailDomain: "oak.example", csmId }));
    const [event] = await db().select().from(auditEvents).where(eq(auditEvents.action, "brokerage.updated"));
    expect(event).toMatchObject({ actorType: "staff", actorId: staffId, brokerageId: created.id, ip: "192.0.2.9", userAgent: "test" });
    expect(event?.detail).toEqual({
      changes: { name: { from: "Oak Realty", to: "Oak Realty Group" }, emailDomain: { from: "oakrealty.example", to: "oak.example" }, csmId: { from: null, to: csmId } },
    });
  });

  it("never lets a change commit without its audit event", async () => {
    await expect(inAuditedTransaction({ type: "staff", id: staffId }, null, (change) => change.tx.insert(brokerages).values({ name: "Silent Realty" }))).rejects.toThrow(
      UnauditedChangeError,
    );
    expect(await db().$count(brokerages, eq(brokerages.name, "Silent Realty"))).toBe(0);
  });
});

describe("invites", () => {
  it("revokes a link once, and resend revokes the old link and issues a new one", async () => {
    const b = await brokerage("Birch Realty");
    const first = await invite(b.id, "it@birch.example");
    await asStaff((change) => revokeInvite(change, first.inviteId));
    await expect(asStaff((change) => revokeInvite(change, first.inviteId))).rejects.toThrow("This link was already revoked");

    const second = await invite(b.id, "it@birch.example");
    const resent = await asStaff((change) => resendInvite(change, second.inviteId, 7));
    expect(resent.url).not.toBe(second.url);
    expect(resent.messageId).not.toBeNull();
    const [old] = await db().select().from(invites).where(eq(invites.id, second.inviteId));
    expect(old?.revokedAt).not.toBeNull();
    const detail = await getBrokerageDetail(b.id);
    expect(detail?.invites.map((i) => i.status)).toEqual(["active", "revoked", "revoked"]);
    const actions = detail?.history.map((h) => h.action);
    expect(actions).toEqual(["invite.resent", "invite.created", "invite.revoked", "invite.created", "brokerage.created"]);
  });
});

describe("the pipeline", () => {
  it("shows each brokerage in its stage, an invitation whose links all lapsed as expired, with counts, filters and search", async () => {
    const fresh = await brokerage("Pipeline New");
    const invited = await brokerage("Pipeline Invited", csmId);
    await invite(invited.id, "it@pipeline-invited.example");
    const lapsed = await brokerage("Pipeline Lapsed");
    const lapsedInvite = await invite(lapsed.id, "it@pipeline-lapsed.example");
    await db()
      .update(invites)
      .set({ expiresAt: new Date(Date.now() - 2 * DAY) })
      .where(eq(invites.id, lapsedInvite.inviteId));
    const revoked = await brokerage("Pipeline Revoked");
    const revokedInvite = await invite(revoked.id, "boss@pipeline-revoked.example");
    await asStaff((change) => revokeInvite(change, revokedInvite.inviteId));
    const verified = await brokerage("Pipeline Verified");
    await db()
      .update(brokerages)
      .set({ stage: "verified", stageChangedAt: new Date(Date.now() - 5 * DAY) })
      .where(eq(brokerages.id, verified.id));

    const all = await listPipeline({ q: "pipeline" });
    const stageOf = Object.fromEntries(all.rows.map((r) => [r.name, r.stage]));
    expect(stageOf).toEqual({
      "Pipeline New": "new",
      "Pipeline Invited": "invited",
      "Pipeline Lapsed": "expired",
      "Pipeline Revoked": "expired",
      "Pipeline Verified": "verified",
    });
    // Longest in their stage first: the verified one waited 5 days, the lapsed one since its link expired 2 days ago.
    expect(all.rows.slice(0, 2).map((r) => r.name)).toEqual(["Pipeline Verified", "Pipeline Lapsed"]);
    expect(all.rows.find((r) => r.name === "Pipeline Invited")).toMatchObject({ csmName: "Casey Success", recipientEmail: "it@pipeline-invited.example" });

    const counts = await stageCounts({ q: "pipeline" });
    expect(counts).toMatchObject({ new: 1, invited: 1, opened: 0, expired: 2, verified: 1 });
    expect((await listPipeline({ q: "pipeline", stage: "expired" })).rows.map((r) => r.name).sort()).toEqual(["Pipeline Lapsed", "Pipeline Revoked"]);
    expect((await listPipeline({ q: "pipeline", csm: csmId })).rows.map((r) => r.name)).toEqual(["Pipeline Invited"]);
    expect((await listPipeline({ q: "pipeline", csm: "none" })).rows).toHaveLength(4);
    expect((await listPipeline({ q: "boss@pipeline" })).rows.map((r) => r.name)).toEqual(["Pipeline Revoked"]);
    expect((await listPipeline({ q: "50%_off" })).rows).toHaveLength(0);

    // A new link brings an expired brokerage back into the pipeline.
    await invite(lapsed.id, "it@pipeline-lapsed.example");
    expect((await getBrokerageDetail(lapsed.id))?.stage).toBe("invited");
    expect(fresh.stage).toBe("new");
  });
});
