import { randomUUID } from "node:crypto";
import { lib } from "./staff-fixtures";

/**
 * Submissions for the staff end-to-end tests, written through the schema the way the
 * form and the verification job write them (the secret sealed with the server's key ring).
 */

process.env.CREDENTIALS_KEYS ||= process.env.E2E_CREDENTIALS_KEYS;

const review = async () => ({
  ...(await lib()),
  ...(await import("@/lib/crypto/secret-box")),
  ...(await import("@/lib/review/approve")),
  ...(await import("@/lib/handoff/api-keys")),
  ...(await import("@/lib/jobs/queue")),
});

export const FIXTURE_SECRET = "Fx8Q~fixture-secret-value-for-e2e-tests-00";

/**
 * A brokerage's attempt with one finished run. `sealedFor` seals the secret for another
 * attempt, so it cannot be opened: a re-run of it then changes nothing.
 */
export async function createAttemptWithRun(input: { brokerageId: string; status: "verified" | "failed"; sealedFor?: string; secretExpiresOn?: string }) {
  const { db, submissionAttempts, verificationRuns, checkResults, sealSecret } = await review();
  const id = randomUUID();
  const sealed = sealSecret(FIXTURE_SECRET, input.sealedFor ?? id);
  return db().transaction(async (tx) => {
    const [attempt] = await tx
      .insert(submissionAttempts)
      .values({
        id,
        brokerageId: input.brokerageId,
        number: 1,
        idempotencyKey: randomUUID(),
        tenantId: "72218fdc-44df-46ff-a854-14242f733b05",
        clientId: "61b2480c-55d8-4e8d-8046-0d692ed65411",
        testMailbox: "agent@harbor.example",
        secretExpiresOn: input.secretExpiresOn ?? "2030-01-31",
        submitterName: "Fixture Admin",
        submitterEmail: "it@fixture.example",
        secretCiphertext: sealed.ciphertext,
        secretKeyId: sealed.keyId,
        secretHint: FIXTURE_SECRET.slice(0, 3),
        status: input.status,
      })
      .returning();
    const outcome = input.status === "verified" ? "verified" : "failed";
    const [run] = await tx.insert(verificationRuns).values({ attemptId: id, trigger: "submit", outcome, finishedAt: new Date(), durationMs: 2000 }).returning();
    await tx.insert(checkResults).values({
      runId: run!.id,
      checkId: "permissions",
      status: outcome === "verified" ? "pass" : "fail",
      reason: outcome === "verified" ? null : "consent-missing",
      title: "Permissions",
      detail: outcome === "verified" ? "Granted." : "No application permissions.",
    });
    return { attempt: attempt!, run: run! };
  });
}

export async function approveFixture(attemptId: string, staffId: string) {
  const { approveAttempt, stopSender } = await review();
  // A refusal throws; the approval queued its webhook through this process's queue connection: close it either way.
  // Fixture brokerages have their own made-up domains: the reason a real CSM would have to give.
  await approveAttempt(attemptId, { staffId }, new Date(), { mismatchReason: "Test fixture" }).finally(stopSender);
}

export async function createKeyFixture(staffId: string, name: string) {
  const { db, createApiKey } = await review();
  return db().transaction((tx) => createApiKey(tx, { name, scope: "brokerages:read" }, { staffId }));
}
