import { eq } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { auditEvents, submissionAttempts } from "@/lib/db/schema";
import { resetEnvCache } from "@/lib/env";
import { clearAbandonedSecrets } from "@/lib/submissions/retention";
import { createAttempt, createBrokerage } from "../support/review-fixtures";

const DAY = 86_400_000;
const attempt = async (id: string) => (await db().select().from(submissionAttempts).where(eq(submissionAttempts.id, id)))[0]!;

afterEach(() => {
  delete process.env.ABANDONED_SECRET_DAYS;
  resetEnvCache();
});

describe("clearing the secrets of abandoned attempts", () => {
  it("clears unapproved attempts older than 90 days, keeps the rest, and audits each", async () => {
    const b = await createBrokerage({ name: "Retention Realty" });
    const now = new Date();
    const old = await createAttempt(b.id, { status: "failed", createdAt: new Date(now.getTime() - 91 * DAY) });
    const recent = await createAttempt(b.id, { status: "inconclusive", createdAt: new Date(now.getTime() - 89 * DAY) });
    const approved = await createAttempt(b.id, { status: "approved", createdAt: new Date(now.getTime() - 400 * DAY) });

    expect(await clearAbandonedSecrets(now)).toEqual([old.id]);
    expect(await attempt(old.id)).toMatchObject({ secretCiphertext: null, secretKeyId: null, secretDestroyedAt: now, status: "failed" });
    expect((await attempt(recent.id)).secretCiphertext).not.toBeNull();
    expect((await attempt(approved.id)).secretCiphertext).not.toBeNull();
    const events = await db().select().from(auditEvents).where(eq(auditEvents.subjectId, old.id));
    expect(events).toEqual([expect.objectContaining({ action: "secret.purged", actorType: "system", brokerageId: b.id, detail: { status: "failed", olderThanDays: 90 } })]);

    // Nothing more to clear: no change, no event.
    expect(await clearAbandonedSecrets(now)).toEqual([]);
    expect(await db().select().from(auditEvents).where(eq(auditEvents.action, "secret.purged"))).toHaveLength(1);
  });

  it("takes its age from ABANDONED_SECRET_DAYS", async () => {
    process.env.ABANDONED_SECRET_DAYS = "30";
    resetEnvCache();
    const b = await createBrokerage({ name: "Short Retention Realty" });
    const now = new Date();
    const month = await createAttempt(b.id, { status: "verified", createdAt: new Date(now.getTime() - 31 * DAY) });
    expect(await clearAbandonedSecrets(now)).toContain(month.id);
  });
});
