import "server-only";
import { and, eq, isNotNull, ne } from "drizzle-orm";
import { inAuditedTransaction } from "../audit/change";
import { db } from "../db/client";
import { submissionAttempts } from "../db/schema";
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

  let rotated = 0;
  const unreadable: string[] = [];
  for (const { id } of stale) {
    const done = await inAuditedTransaction({ type: "system", id: "keys rotate" }, null, async ({ tx, audit, unchanged }) => {
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
    }).catch((error: unknown) => {
      if (error instanceof SecretUnavailableError) return "unreadable" as const;
      throw error;
    });
    if (done === true) rotated++;
    if (done === "unreadable") unreadable.push(id);
  }
  return { keyId: ring.current.id, rotated, unreadable };
}
