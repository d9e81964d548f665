import "server-only";
import { eq } from "drizzle-orm";
import { db } from "../db/client";
import { brokerages, submissionAttempts, verificationRuns } from "../db/schema";
import { loadRun } from "./detail";

/**
 * A run as a JSON report for a support ticket: the values Microsoft support asks for
 * (tenant, client, request ids), never the secret or the administrator's contact details.
 */

const SENSITIVE_KEY = /secret|token|password|authorization|cookie|ciphertext/i;

/** Check data comes from the checks; drop anything whose name looks sensitive, at any depth. */
export function redact(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redact);
  if (value && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>)
        .filter(([key]) => !SENSITIVE_KEY.test(key))
        .map(([key, v]) => [key, redact(v)]),
    );
  }
  return value;
}

export async function buildRunReport(runId: string, now = new Date()) {
  const [row] = await db()
    .select({
      run: verificationRuns,
      attempt: {
        id: submissionAttempts.id,
        number: submissionAttempts.number,
        tenantId: submissionAttempts.tenantId,
        clientId: submissionAttempts.clientId,
        testMailbox: submissionAttempts.testMailbox,
        secretExpiresOn: submissionAttempts.secretExpiresOn,
        secretHint: submissionAttempts.secretHint,
        sendTestMessage: submissionAttempts.sendTestMessage,
        accessScope: submissionAttempts.accessScope,
        outsideMailbox: submissionAttempts.outsideMailbox,
      },
      brokerage: { id: brokerages.id, name: brokerages.name },
    })
    .from(verificationRuns)
    .innerJoin(submissionAttempts, eq(submissionAttempts.id, verificationRuns.attemptId))
    .innerJoin(brokerages, eq(brokerages.id, submissionAttempts.brokerageId))
    .where(eq(verificationRuns.id, runId));
  if (!row) return null;
  const run = await loadRun(db(), runId);
  const { secretHint, ...attempt } = row.attempt;
  const report = {
    kind: "verification-run",
    generatedAt: now.toISOString(),
    brokerage: row.brokerage,
    attempt: { ...attempt, secretHint: `${secretHint}…` },
    run: {
      id: row.run.id,
      trigger: row.run.trigger,
      outcome: row.run.outcome,
      startedAt: row.run.startedAt.toISOString(),
      finishedAt: row.run.finishedAt?.toISOString() ?? null,
      durationMs: row.run.durationMs,
    },
    checks: (run?.checks ?? []).map((c) => ({ ...c, data: redact(c.data) })),
  };
  const slug = row.brokerage.name.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "").slice(0, 40) || "brokerage";
  const fileName = `verification-${slug}-attempt-${row.attempt.number}-${report.run.startedAt.slice(0, 10)}.json`;
  return { report, fileName, brokerageId: row.brokerage.id, attemptId: row.attempt.id };
}
