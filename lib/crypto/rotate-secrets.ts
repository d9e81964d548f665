import "server-only";
import { and, eq, isNotNull, ne } from "drizzle-orm";
import { inAuditedTransaction } from "../audit/change";
import { db } from "../db/client";
import { brokerageCertificates, submissionAttempts } from "../db/schema";
import { keyRing, openSecret, sealSecret, SecretUnavailableError } from "./secret-box";

/**
 * Key rotation: every stored secret not yet under the key ring's first key is
 * opened with its own key and sealed again under the first, one attempt per
 * transaction, each audited. Afterwards the old key can leave CREDENTIALS_KEYS.
 */
export async function rotateSecrets(): Promise<{ keyId: string; rotated: number; unreadable: string[] }> {
  const ring = keyRing();
  const stale = await db()
    .select({ id: submissionAttempts.id })
    .from(submissionAttempts)
    .where(and(isNotNull(submissionAttempts.secretCiphertext), ne(submissionAttempts.secretKeyId, ring.current.id)));

  const attempts = await rotateEach(stale, (id) =>
    inAuditedTransaction({ type: "system", id: "keys rotate" }, null, async ({ tx, audit, unchanged }) => {
      const [row] = await tx.select().from(submissionAttempts).where(eq(submissionAttempts.id, id)).for("update");
      // Destroyed or already rotated since the list was read.
      if (!row?.secretCiphertext || !row.secretKeyId || row.secretKeyId === ring.current.id) return unchanged(false);
      const plaintext = openSecret({ ciphertext: row.secretCiphertext, keyId: row.secretKeyId }, row.id, ring);
      const sealed = sealSecret(plaintext, row.id, ring);
      await tx
        .update(submissionAttempts)
        .set({ secretCiphertext: sealed.ciphertext, secretKeyId: sealed.keyId })
        .where(eq(submissionAttempts.id, row.id));
      await audit({
        action: "secret.rotated",
        subject: { type: "attempt", id: row.id },
        brokerageId: row.brokerageId,
        detail: { fromKey: row.secretKeyId, toKey: sealed.keyId },
      });
      return true;
    }),
  );
  const certificates = await rotateCertificateKeys(ring);
  return { keyId: ring.current.id, rotated: attempts.rotated + certificates.rotated, unreadable: [...attempts.unreadable, ...certificates.unreadable] };
}

/**
 * Rotates each row in its own audited transaction: true when re-sealed, false when there was
 * nothing left to do; a row the key ring cannot open is listed, and the others go on.
 */
async function rotateEach(rows: Array<{ id: string }>, rotateOne: (id: string) => Promise<boolean>) {
  let rotated = 0;
  const unreadable: string[] = [];
  for (const { id } of rows) {
    const done = await rotateOne(id).catch((error: unknown) => {
      if (error instanceof SecretUnavailableError) return "unreadable" as const;
      throw error;
    });
    if (done === true) rotated++;
    if (done === "unreadable") unreadable.push(id);
  }
  return { rotated, unreadable };
}

/** The private keys of certificates made but not yet submitted (brokerage_certificates), rotated the same way. */
async function rotateCertificateKeys(ring: ReturnType<typeof keyRing>) {
  const stale = await db()
    .select({ id: brokerageCertificates.id })
    .from(brokerageCertificates)
    .where(and(isNotNull(brokerageCertificates.privateKeyCiphertext), ne(brokerageCertificates.privateKeyKeyId, ring.current.id)));
  return rotateEach(stale, (id) =>
    inAuditedTransaction({ type: "system", id: "keys rotate" }, null, async ({ tx, audit, unchanged }) => {
      const [row] = await tx.select().from(brokerageCertificates).where(eq(brokerageCertificates.id, id)).for("update");
      if (!row?.privateKeyCiphertext || !row.privateKeyKeyId || row.privateKeyKeyId === ring.current.id) return unchanged(false);
      const plaintext = openSecret({ ciphertext: row.privateKeyCiphertext, keyId: row.privateKeyKeyId }, row.id, ring, "brokerage_certificates");
      const sealed = sealSecret(plaintext, row.id, ring, "brokerage_certificates");
      await tx
        .update(brokerageCertificates)
        .set({ privateKeyCiphertext: sealed.ciphertext, privateKeyKeyId: sealed.keyId })
        .where(eq(brokerageCertificates.id, row.id));
      await audit({
        action: "secret.rotated",
        subject: { type: "brokerage", id: row.brokerageId },
        brokerageId: row.brokerageId,
        detail: { certificate: row.thumbprint, fromKey: row.privateKeyKeyId, toKey: sealed.keyId },
      });
      return true;
    }),
  );
}
