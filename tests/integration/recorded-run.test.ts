import { and, asc, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { auditEvents, checkResults, outgoingMessages, verificationRuns } from "@/lib/db/schema";
import { approveAttempt } from "@/lib/review/approve";
import { rerunAttempt } from "@/lib/review/rerun";
import { reverifyAttempt } from "@/lib/reverify/schedule";
import { handleVerificationRun } from "@/lib/submissions/verification-job";
import { scenario } from "@/sim/scenarios";
import { simulatedTenantForFile } from "../support/simulated-tenant";
import { attemptRow, createAttempt, createBrokerage } from "../support/review-fixtures";

/**
 * A submission's first run, a CSM's re-run and the scheduled re-verification are one
 * recorded run: the same progress and result rows, one audited decryption each, and
 * one decider of what the outcome means.
 */

simulatedTenantForFile();

const good = scenario("good").values;

const runsOf = (attemptId: string) =>
  db().select().from(verificationRuns).where(eq(verificationRuns.attemptId, attemptId)).orderBy(asc(verificationRuns.startedAt));

const rowsOf = async (runId: string) =>
  (await db().select().from(checkResults).where(eq(checkResults.runId, runId)).orderBy(asc(checkResults.checkId))).map((c) => ({
    checkId: c.checkId,
    status: c.status,
    reason: c.reason,
    title: c.title,
    guideAnchor: c.guideAnchor,
  }));

const decryptionsOf = (runId: string) =>
  db()
    .select({ actorType: auditEvents.actorType, actorId: auditEvents.actorId, detail: auditEvents.detail })
    .from(auditEvents)
    .where(and(eq(auditEvents.action, "secret.decrypted"), sql`${auditEvents.detail} ->> 'runId' = ${runId}`));

describe("one recorded verification run", () => {
  it("records the first run, a CSM's re-run and the scheduled re-verification alike", async () => {
    const b = await createBrokerage({ name: "One Run Realty", csmId: "csm-1", stage: "submitted" });
    const attempt = await createAttempt(b.id, {
      status: "verifying",
      tenantId: good.tenantId,
      clientId: good.clientId,
      testMailbox: good.testMailbox,
      secretExpiresOn: good.secretExpiresOn,
      secret: good.clientSecret,
      sendTestMessage: false,
    });

    await handleVerificationRun({ attemptId: attempt.id, trigger: "submit", retry: 0 });
    expect((await attemptRow(attempt.id)).status).toBe("verified");
    expect(await rerunAttempt(attempt.id, "csm-1")).toBe("unchanged");
    await approveAttempt(attempt.id, { staffId: "csm-1" });
    expect((await attemptRow(attempt.id)).status).toBe("approved");
    expect(await reverifyAttempt(attempt.id)).toBe("unchanged");

    const runs = await runsOf(attempt.id);
    expect(runs.map((r) => [r.trigger, r.triggeredBy, r.outcome])).toEqual([
      ["submit", null, "verified"],
      ["recheck", "csm-1", "verified"],
      ["scheduled", null, "verified"],
    ]);
    const [first, ...others] = await Promise.all(runs.map((r) => rowsOf(r.id)));
    expect(first).toHaveLength(11);
    expect(first!.find((c) => c.checkId === "mail.send")?.status).toBe("skipped");
    expect(first!.filter((c) => c.status === "pass")).toHaveLength(9);
    for (const rows of others) expect(rows).toEqual(first);

    const decryptions = await Promise.all(runs.map((r) => decryptionsOf(r.id)));
    expect(decryptions.map((d) => d.map((e) => [e.actorType, e.actorId, (e.detail as { trigger: string }).trigger]))).toEqual([
      [["system", "verification.run", "submit"]],
      [["system", "recheck", "recheck"]],
      [["system", "scheduled", "scheduled"]],
    ]);
    const allDecryptions = await db().$count(auditEvents, and(eq(auditEvents.subjectId, attempt.id), eq(auditEvents.action, "secret.decrypted")));
    expect(allDecryptions).toBe(3);

    // The decider: the submission's run answered (status, audit, the CSM told); the others confirmed it quietly.
    const settled = await db()
      .select({ action: auditEvents.action })
      .from(auditEvents)
      .where(and(eq(auditEvents.subjectId, attempt.id), sql`${auditEvents.action} like 'attempt.%'`));
    expect(settled.map((e) => e.action).sort()).toEqual(["attempt.approved", "attempt.verified"]);
    const messages = await db().select({ kind: outgoingMessages.kind }).from(outgoingMessages).where(eq(outgoingMessages.brokerageId, b.id));
    expect(messages.map((m) => m.kind)).toContain("attempt-verified");
    expect(messages.filter((m) => m.kind === "attempt-verified")).toHaveLength(1);
    expect(JSON.stringify(await db().select().from(auditEvents).where(eq(auditEvents.brokerageId, b.id)))).not.toContain(good.clientSecret);
  });
});
