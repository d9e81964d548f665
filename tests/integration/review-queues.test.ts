import { eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { credentialApprovals, submissionAttempts } from "@/lib/db/schema";
import { countQueues, listQueue } from "@/lib/review/queues";
import { createAttempt, createBrokerage, recordRun, useTestKeyRing, verifiedAttempt } from "../support/review-fixtures";

beforeAll(useTestKeyRing);

describe("review queues", () => {
  it("sorts attempts into needs review, failing, inconclusive and approved, with the failing reasons", async () => {
    const verified = await createBrokerage({ name: "Queue Verified Homes", stage: "verified" });
    const { attempt: v } = await verifiedAttempt(verified.id);
    const failing = await createBrokerage({ name: "Queue Failing Realty", stage: "failed" });
    const f = await createAttempt(failing.id, { status: "failed" });
    await recordRun(f.id, { outcome: "failed", failing: ["permissions"] });
    const unsure = await createBrokerage({ name: "Queue Unsure Estates" });
    const i = await createAttempt(unsure.id, { status: "inconclusive" });
    await recordRun(i.id, { outcome: "inconclusive", errors: ["calendar.read"] });
    const superseded = await createAttempt(failing.id, { status: "superseded" });

    const needsReview = await listQueue("needs-review", { search: "queue" });
    expect(needsReview.rows.map((r) => r.attemptId)).toEqual([v.id]);
    const failingRows = (await listQueue("failing", { search: "queue" })).rows;
    expect(failingRows.map((r) => r.attemptId)).toEqual([f.id]);
    expect(failingRows[0]).toMatchObject({ brokerageName: "Queue Failing Realty", problems: ["consent-missing"], latestRun: { outcome: "failed" } });
    expect((await listQueue("inconclusive", { search: "queue" })).rows[0]?.problems).toEqual(["microsoft-unavailable"]);
    const all = await Promise.all((["needs-review", "failing", "inconclusive", "approved"] as const).map((q) => listQueue(q, { search: "queue" })));
    expect(all.flatMap((p) => p.rows.map((r) => r.attemptId))).not.toContain(superseded.id);
    expect(await countQueues({ search: "queue" })).toEqual({ "needs-review": 1, failing: 1, inconclusive: 1, approved: 0 });
    // This file's database holds only these so far: unfiltered counts read the index alone.
    expect(await countQueues()).toEqual({ "needs-review": 1, failing: 1, inconclusive: 1, approved: 0 });
  });

  it("shows approved credentials whose re-verification regressed in the failing queue", async () => {
    const b = await createBrokerage({ name: "Regressed Realty", stage: "approved" });
    const a = await createAttempt(b.id, { status: "approved" });
    await db().insert(credentialApprovals).values({ brokerageId: b.id, attemptId: a.id, approvedBy: "csm-1", regressedAt: new Date() });
    const failing = await listQueue("failing", { search: "regressed" });
    expect(failing.rows).toHaveLength(1);
    expect(failing.rows[0]).toMatchObject({ attemptId: a.id, regressed: true, status: "approved" });
    expect((await listQueue("approved", { search: "regressed" })).rows[0]).toMatchObject({ attemptId: a.id, regressed: true });
  });

  it("filters by CSM, unassigned and stage, and searches by the start of words in the name", async () => {
    const mine = await createBrokerage({ name: "Filter Northwind Properties", csmId: "csm-filter", stage: "verified" });
    const nobody = await createBrokerage({ name: "Filter Southwind Homes", stage: "failed" });
    await verifiedAttempt(mine.id);
    await verifiedAttempt(nobody.id);
    const names = async (filters: Parameters<typeof listQueue>[1]) => (await listQueue("needs-review", filters)).rows.map((r) => r.brokerageName);
    expect(await names({ csm: "csm-filter" })).toEqual(["Filter Northwind Properties"]);
    expect(await names({ csm: "unassigned", search: "filter" })).toEqual(["Filter Southwind Homes"]);
    expect(await names({ stage: "failed", search: "filter" })).toEqual(["Filter Southwind Homes"]);
    expect(await names({ search: "north prop" })).toEqual(["Filter Northwind Properties"]);
    expect(await names({ search: "wind" })).toEqual([]);
    expect(await names({ search: "&|!" })).toEqual([]);
  });

  it("pages through a queue with keyset cursors, without losing or repeating rows that share a timestamp", async () => {
    const b = await createBrokerage({ name: "Paging Partners" });
    const sameMoment = new Date("2026-04-01T09:00:00.123456Z");
    const ids: string[] = [];
    for (let n = 0; n < 7; n++) {
      const a = await createAttempt(b.id, { status: "inconclusive", createdAt: sameMoment });
      ids.push(a.id);
    }
    // Microseconds matter: one of them a microsecond later than the rest.
    await db()
      .update(submissionAttempts)
      .set({ createdAt: sql`${submissionAttempts.createdAt} + interval '1 microsecond'` })
      .where(eq(submissionAttempts.id, ids[0]!));
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page = await listQueue("inconclusive", { search: "paging" }, { cursor, limit: 3 });
      seen.push(...page.rows.map((r) => r.attemptId));
      cursor = page.nextCursor;
      pages += 1;
    } while (cursor && pages < 10);
    expect(pages).toBe(3);
    expect(seen).toHaveLength(7);
    expect(new Set(seen)).toEqual(new Set(ids));
    expect(seen[0]).toBe(ids[0]);
    const statuses = await db().select({ status: submissionAttempts.status }).from(submissionAttempts).where(eq(submissionAttempts.brokerageId, b.id));
    expect(statuses.every((s) => s.status === "inconclusive")).toBe(true);
  });

  it("lists needs review oldest first, so the longest wait is reviewed next", async () => {
    const b1 = await createBrokerage({ name: "Order Older Realty" });
    const b2 = await createBrokerage({ name: "Order Newer Realty" });
    await verifiedAttempt(b2.id, { createdAt: new Date("2026-04-02T00:00:00Z") });
    await verifiedAttempt(b1.id, { createdAt: new Date("2026-04-01T00:00:00Z") });
    expect((await listQueue("needs-review", { search: "order" })).rows.map((r) => r.brokerageName)).toEqual(["Order Older Realty", "Order Newer Realty"]);
  });
});
