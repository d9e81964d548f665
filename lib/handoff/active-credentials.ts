import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import type { Executor } from "../db/client";
import { brokerages, credentialApprovals, submissionAttempts } from "../db/schema";

/** A brokerage's active credentials: the attempt of its one unended approval. */
export async function getActiveCredentials(tx: Executor, brokerageId: string) {
  const [row] = await tx
    .select({
      brokerageId: brokerages.id,
      brokerageName: brokerages.name,
      stage: brokerages.stage,
      approvalId: credentialApprovals.id,
      approvedAt: credentialApprovals.approvedAt,
      attemptId: submissionAttempts.id,
      tenantId: submissionAttempts.tenantId,
      clientId: submissionAttempts.clientId,
      testMailbox: submissionAttempts.testMailbox,
      accessScope: submissionAttempts.accessScope,
      secretExpiresOn: submissionAttempts.secretExpiresOn,
      secretCiphertext: submissionAttempts.secretCiphertext,
      secretKeyId: submissionAttempts.secretKeyId,
      credentialMethod: submissionAttempts.credentialMethod,
      certificateThumbprint: submissionAttempts.certificateThumbprint,
      certificateNotAfter: submissionAttempts.certificateNotAfter,
      certificateDer: submissionAttempts.certificateDer,
    })
    .from(credentialApprovals)
    .innerJoin(brokerages, eq(brokerages.id, credentialApprovals.brokerageId))
    .innerJoin(submissionAttempts, eq(submissionAttempts.id, credentialApprovals.attemptId))
    .where(and(eq(credentialApprovals.brokerageId, brokerageId), isNull(credentialApprovals.endedAt)))
    .limit(1);
  return row ?? null;
}

export async function getBrokerageName(tx: Executor, brokerageId: string) {
  const [row] = await tx.select({ name: brokerages.name, stage: brokerages.stage }).from(brokerages).where(eq(brokerages.id, brokerageId));
  return row ?? null;
}
