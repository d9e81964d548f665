import "server-only";
import { eq } from "drizzle-orm";
import { db } from "../db/client";
import { submissionAttempts } from "../db/schema";
import { domainMismatches, type DomainMismatch } from "../providers/domain-match";
import { providerForBrokerage } from "../providers/brokerage-provider";

/** Where a submission's mailbox and tenant differ from the brokerage's own domain (empty when they match or cannot be told). */
export async function mismatchesOfAttempt(attemptId: string): Promise<DomainMismatch[]> {
  const [attempt] = await db()
    .select({ brokerageId: submissionAttempts.brokerageId, tenantId: submissionAttempts.tenantId, testMailbox: submissionAttempts.testMailbox })
    .from(submissionAttempts)
    .where(eq(submissionAttempts.id, attemptId));
  if (!attempt) return [];
  const provider = await providerForBrokerage(attempt.brokerageId);
  return domainMismatches({ brokerageDomain: provider?.domain, brokerageTenantId: provider?.tenantId }, attempt);
}
