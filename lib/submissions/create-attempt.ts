import "server-only";
import { randomUUID } from "node:crypto";
import { and, desc, eq, ne, notInArray } from "drizzle-orm";
import { inAuditedTransaction, type Change } from "../audit/change";
import { sealSecret, secretHint } from "../crypto/secret-box";
import type { Transaction } from "../db/client";
import { brokerages, submissionAttempts } from "../db/schema";
import type { CertificateSubmission, Submission, VendorAppSubmission } from "../validation/submission";
import { vendorApp } from "../microsoft/vendor-app";
import { certificateForAttempt } from "./certificate";

/**
 * One form submission becomes one attempt, however often it is posted: the form
 * carries an idempotency key made when it was rendered, and the number of the attempt
 * it was based on. A repeat of the same key (double click, retried request) returns
 * the attempt it made; a form rendered before a newer attempt was sent (a second tab)
 * returns that newer attempt instead of making another.
 */

export type AttemptRequest = {
  brokerageId: string;
  /** A client secret's form, or the certificate method's (which uses the brokerage's current certificate). */
  submission: Submission | CertificateSubmission | VendorAppSubmission;
  idempotencyKey: string;
  /** The latest attempt number when the form was rendered (0 for none). */
  basedOn: number;
  origin: { ip: string; userAgent: string | null };
};

export type AttemptOutcome =
  | { kind: "created"; attemptId: string; number: number }
  | { kind: "repeat"; attemptId: string; number: number }
  | { kind: "sent-elsewhere"; attemptId: string; number: number };

export async function createAttempt(request: AttemptRequest): Promise<AttemptOutcome> {
  const actor = { type: "brokerage", id: request.brokerageId } as const;
  return inAuditedTransaction(actor, request.origin, async (change) => {
    const { tx, unchanged } = change;
    // One submission at a time per brokerage: numbering and superseding stay consistent.
    await tx.select({ id: brokerages.id }).from(brokerages).where(eq(brokerages.id, request.brokerageId)).for("update");

    const earlier = await findExisting(tx, request);
    if (earlier) return unchanged(earlier);

    const [latest] = await tx
      .select({ number: submissionAttempts.number })
      .from(submissionAttempts)
      .where(eq(submissionAttempts.brokerageId, request.brokerageId))
      .orderBy(desc(submissionAttempts.number))
      .limit(1);
    const number = (latest?.number ?? 0) + 1;
    const attemptId = randomUUID();
    const { credential, values } = await credentialColumns(change, request, attemptId);

    const inserted = await tx
      .insert(submissionAttempts)
      .values({
        id: attemptId,
        brokerageId: request.brokerageId,
        number,
        idempotencyKey: request.idempotencyKey,
        ...values,
        ...credential,
        status: "verifying",
      })
      .onConflictDoNothing()
      .returning({ id: submissionAttempts.id });
    // The brokerage lock makes this rare; the unique indexes are the last word.
    if (inserted.length === 0) return unchanged((await findExisting(tx, request)) ?? conflictWithoutRow());

    await supersedeEarlierAttempts(change, request.brokerageId, attemptId);
    await tx
      .update(brokerages)
      .set({ stage: "submitted", stageChangedAt: new Date() })
      .where(and(eq(brokerages.id, request.brokerageId), ne(brokerages.stage, "approved")));
    await change.audit({
      action: "attempt.submitted",
      subject: { type: "attempt", id: attemptId },
      brokerageId: request.brokerageId,
      detail: {
        number,
        tenantId: values.tenantId,
        clientId: values.clientId,
        testMailbox: values.testMailbox,
        ...(credential.credentialMethod === "certificate" ? { method: "certificate", thumbprint: credential.certificateThumbprint } : {}),
        ...(credential.credentialMethod === "vendor-app" ? { method: "vendor-app" } : {}),
      },
    });
    return { kind: "created", attemptId, number };
  });
}

/**
 * The sealed credential and the other columns: a secret as typed, or the brokerage's
 * current certificate with its private key sealed again for this attempt and the
 * expiry read from the certificate.
 */
async function credentialColumns(change: Change, request: AttemptRequest, attemptId: string) {
  const submission = request.submission;
  if ("credentialMethod" in submission && submission.credentialMethod === "vendor-app") {
    // Nothing to seal: the vendor's certificate signs in. The expiry shown is the vendor's, which the vendor renews.
    const { credentialMethod, ...values } = submission;
    const app = vendorApp();
    if (!app) throw new Error("the vendor app is not configured");
    return {
      values: { ...values, accessScope: "organization" as const, outsideMailbox: null, secretExpiresOn: app.certificate.notAfter.toISOString().slice(0, 10) },
      credential: {
        credentialMethod,
        secretCiphertext: null,
        secretKeyId: null,
        secretHint: "",
        certificateThumbprint: null,
        certificateNotAfter: null,
        certificateDer: null,
      },
    };
  }
  if ("credentialMethod" in submission && submission.credentialMethod === "certificate") {
    const { credentialMethod, ...values } = submission;
    const certificate = await certificateForAttempt(change, request.brokerageId, attemptId);
    return {
      values: { ...values, secretExpiresOn: certificate.notAfter.toISOString().slice(0, 10) },
      credential: {
        credentialMethod,
        secretCiphertext: certificate.sealed.ciphertext,
        secretKeyId: certificate.sealed.keyId,
        secretHint: "",
        certificateThumbprint: certificate.thumbprint,
        certificateNotAfter: certificate.notAfter,
        certificateDer: certificate.certificateDer,
      },
    };
  }
  const { clientSecret, ...values } = submission as Submission;
  const sealed = sealSecret(clientSecret, attemptId);
  return {
    values,
    credential: {
      credentialMethod: "client-secret" as const,
      secretCiphertext: sealed.ciphertext,
      secretKeyId: sealed.keyId,
      secretHint: secretHint(clientSecret),
      certificateThumbprint: null,
      certificateNotAfter: null,
      certificateDer: null,
    },
  };
}

async function findExisting(tx: Transaction, request: AttemptRequest): Promise<AttemptOutcome | null> {
  const [sameKey] = await tx
    .select({ id: submissionAttempts.id, number: submissionAttempts.number, brokerageId: submissionAttempts.brokerageId })
    .from(submissionAttempts)
    .where(eq(submissionAttempts.idempotencyKey, request.idempotencyKey))
    .limit(1);
  if (sameKey) {
    // A key is random per rendered form; one seen from another brokerage is refused, not revealed.
    if (sameKey.brokerageId !== request.brokerageId) throw new Error("idempotency key belongs to another brokerage");
    return { kind: "repeat", attemptId: sameKey.id, number: sameKey.number };
  }
  const [newer] = await tx
    .select({ id: submissionAttempts.id, number: submissionAttempts.number })
    .from(submissionAttempts)
    .where(eq(submissionAttempts.brokerageId, request.brokerageId))
    .orderBy(desc(submissionAttempts.number))
    .limit(1);
  if (newer && newer.number > request.basedOn) return { kind: "sent-elsewhere", attemptId: newer.id, number: newer.number };
  return null;
}

function conflictWithoutRow(): never {
  throw new Error("attempt insert conflicted but no conflicting attempt was found");
}

/**
 * Earlier attempts are replaced by the new one and their secrets destroyed. An
 * approved attempt stays: its credentials are in use until a newer one is approved.
 */
async function supersedeEarlierAttempts({ tx, audit }: Change, brokerageId: string, attemptId: string) {
  const superseded = await tx
    .update(submissionAttempts)
    .set({ status: "superseded", secretCiphertext: null, secretKeyId: null, secretDestroyedAt: new Date() })
    .where(
      and(
        eq(submissionAttempts.brokerageId, brokerageId),
        ne(submissionAttempts.id, attemptId),
        notInArray(submissionAttempts.status, ["approved", "superseded"]),
      ),
    )
    .returning({ id: submissionAttempts.id, number: submissionAttempts.number });
  for (const old of superseded) {
    await audit({
      action: "attempt.superseded",
      subject: { type: "attempt", id: old.id },
      brokerageId,
      detail: { number: old.number, supersededBy: attemptId, secretDestroyed: true },
    });
  }
}
