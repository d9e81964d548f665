import "server-only";
import type { CredentialMethodName } from "../validation/credential-method";
import { and, eq, ne } from "drizzle-orm";
import type { Change } from "../audit/change";
import { credentialApprovals, credentialRotations, submissionAttempts } from "../db/schema";
import { issueBrokerageCertificate } from "../submissions/certificate";

export type OpenedRotation = { rotationId: string; method: CredentialMethodName; nextThumbprint: string | null; created: boolean };

/**
 * Prepares the next credential of an active approval, once: for a certificate the
 * portal makes the next key pair and certificate now (the administrator uploads it
 * beside the old one); for a secret there is nothing to make, the rotation is the
 * request for a new one. A rotation left open for an approval that has since ended
 * (a CSM approved other credentials meanwhile) gives way to the new one.
 */
export async function openRotation(change: Change, approvalId: string, now = new Date()): Promise<OpenedRotation | null> {
  const { tx, audit } = change;
  const [approval] = await tx
    .select({ brokerageId: credentialApprovals.brokerageId, endedAt: credentialApprovals.endedAt, method: submissionAttempts.credentialMethod })
    .from(credentialApprovals)
    .innerJoin(submissionAttempts, eq(submissionAttempts.id, credentialApprovals.attemptId))
    .where(eq(credentialApprovals.id, approvalId));
  if (!approval || approval.endedAt) return null;

  const [existing] = await tx.select().from(credentialRotations).where(eq(credentialRotations.approvalId, approvalId));
  if (existing) return { rotationId: existing.id, method: existing.method, nextThumbprint: existing.nextThumbprint, created: false };

  await tx
    .delete(credentialRotations)
    .where(and(eq(credentialRotations.brokerageId, approval.brokerageId), ne(credentialRotations.status, "completed")));
  const next = approval.method === "certificate" ? await issueBrokerageCertificate(change, approval.brokerageId) : null;
  const [row] = await tx
    .insert(credentialRotations)
    .values({ brokerageId: approval.brokerageId, approvalId, method: approval.method, nextThumbprint: next?.thumbprint ?? null, openedAt: now })
    .returning({ id: credentialRotations.id });
  await audit({
    action: "rotation.opened",
    subject: { type: "brokerage", id: approval.brokerageId },
    brokerageId: approval.brokerageId,
    detail: { rotationId: row!.id, method: approval.method, ...(next ? { thumbprint: next.thumbprint } : {}) },
  });
  return { rotationId: row!.id, method: approval.method, nextThumbprint: next?.thumbprint ?? null, created: true };
}
