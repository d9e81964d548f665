import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { generateKeyRingEntry } from "@/lib/crypto/key-ring";
import { sealSecret } from "@/lib/crypto/secret-box";
import { db } from "@/lib/db/client";
import { brokerages, checkResults, submissionAttempts, verificationRuns } from "@/lib/db/schema";
import { resetEnvCache } from "@/lib/env";
import type { RecordRun } from "@/lib/runs/record";
import { CHECK_IDS, type CheckStatus, type Outcome } from "@/lib/verification/types";

/**
 * Data for review, expiry and hand-off tests, written through the schema as the
 * submission form and the verification runner write it.
 */

export function useTestKeyRing() {
  process.env.CREDENTIALS_KEYS = generateKeyRingEntry("test1");
  resetEnvCache();
}

let counter = 0;

export async function createBrokerage(values: { name?: string; csmId?: string | null; stage?: (typeof brokerages.$inferInsert)["stage"] } = {}) {
  counter += 1;
  const [row] = await db()
    .insert(brokerages)
    .values({ name: values.name ?? `Brokerage ${counter} ${randomUUID().slice(0, 6)}`, emailDomain: "harbor.example", csmId: values.csmId ?? null, stage: values.stage ?? "submitted" })
    .returning();
  return row!;
}

export const SECRET = "Abc8Q~s3cr3t-value-for-tests-only-0123456";

export async function createAttempt(
  brokerageId: string,
  values: Partial<typeof submissionAttempts.$inferInsert> & { secret?: string } = {},
) {
  const id = values.id ?? randomUUID();
  const { secret = SECRET, ...rest } = values;
  const [{ next }] = (await db()
    .select({ next: sql<number>`coalesce(max(${submissionAttempts.number}), 0)::int + 1` })
    .from(submissionAttempts)
    .where(eq(submissionAttempts.brokerageId, brokerageId))) as [{ next: number }];
  const sealed = sealSecret(secret, id);
  const [row] = await db()
    .insert(submissionAttempts)
    .values({
      id,
      brokerageId,
      number: next,
      idempotencyKey: randomUUID(),
      tenantId: "7d1b2c3a-0000-4000-8000-000000000001",
      clientId: "5a6b7c8d-0000-4000-8000-000000000002",
      testMailbox: "sync@harbor.example",
      secretExpiresOn: "2027-06-30",
      submitterName: "Ana Admin",
      submitterEmail: "ana@harbor.example",
      secretCiphertext: sealed.ciphertext,
      secretKeyId: sealed.keyId,
      secretHint: secret.slice(0, 3),
      status: "verifying",
      ...rest,
    })
    .returning();
  return row!;
}

const REASON_FOR_FAILURE: Partial<Record<string, string>> = {
  token: "secret-invalid",
  permissions: "consent-missing",
  "calendar.read": "mailbox-not-found",
};

/** Checks for a run: all pass, except the named ones that fail (their dependants skipped). */
export function checksFor(failing: string[] = [], errors: string[] = []) {
  return CHECK_IDS.map((id) => {
    const status: CheckStatus = failing.includes(id) ? "fail" : errors.includes(id) ? "error" : "pass";
    return {
      checkId: id,
      status,
      reason: status === "fail" ? (REASON_FOR_FAILURE[id] ?? "access-denied") : status === "error" ? "microsoft-unavailable" : null,
      title: status === "pass" ? `${id} passed` : `${id} problem`,
      detail: status === "pass" ? "Fine." : `What went wrong with ${id}, in plain words.`,
      guideAnchor: status === "pass" ? null : "grant-admin-consent",
      microsoftCode: status === "fail" ? "AADSTS7000215" : null,
      microsoftRequestId: status === "fail" ? "3f1c0d7e-8b9a-4c2d-9e1f-0a1b2c3d4e5f" : null,
      microsoftTimestamp: status === "fail" ? "2026-05-01 10:00:00Z" : null,
      durationMs: 120,
      data: status === "fail" ? { missing: ["Mail.Send"], clientSecret: "must-not-appear" } : null,
    };
  });
}

export async function recordRun(
  attemptId: string,
  input: { outcome: Outcome; failing?: string[]; errors?: string[]; trigger?: "submit" | "recheck" | "scheduled"; finishedAt?: Date; triggeredBy?: string | null },
) {
  const finishedAt = input.finishedAt ?? new Date();
  const startedAt = new Date(finishedAt.getTime() - 3000);
  const [run] = await db()
    .insert(verificationRuns)
    .values({ attemptId, trigger: input.trigger ?? "submit", triggeredBy: input.triggeredBy ?? null, outcome: input.outcome, startedAt, finishedAt, durationMs: 3000 })
    .returning();
  await db()
    .insert(checkResults)
    .values(checksFor(input.failing, input.errors).map((c) => ({ ...c, runId: run!.id })));
  return run!;
}

/** A verified attempt, as the form leaves it once its run passed. */
export async function verifiedAttempt(brokerageId: string, values: Parameters<typeof createAttempt>[1] = {}, finishedAt = new Date()) {
  const attempt = await createAttempt(brokerageId, { status: "verified", ...values });
  const run = await recordRun(attempt.id, { outcome: "verified", finishedAt });
  return { attempt, run };
}

/**
 * A stand-in for the verification runner where a test decides the outcome: it records
 * the run as the real one does and remembers what it was asked.
 */
export function scriptedRunner(outcomeFor: (attemptId: string) => { outcome: Outcome; failing?: string[] }) {
  const calls: Parameters<RecordRun>[0][] = [];
  const run: RecordRun = async (request) => {
    calls.push(request);
    const scripted = outcomeFor(request.attemptId);
    const recorded = await recordRun(request.attemptId, { ...scripted, trigger: request.trigger, triggeredBy: request.triggeredBy });
    return { runId: recorded.id, outcome: scripted.outcome };
  };
  return { run, calls };
}

export async function attemptRow(id: string) {
  return (await db().query.submissionAttempts.findFirst({ where: eq(submissionAttempts.id, id) }))!;
}
