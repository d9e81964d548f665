import "server-only";
import type { Change } from "../audit/change";
import { openSecret, type SealedSecret } from "../crypto/secret-box";
import type { submissionAttempts } from "../db/schema";
import type { VerificationInput } from "../verification/types";

/**
 * The one step of a run that differs per way of connecting (DESIGN §9): what the
 * `token` check signs in with. Each method is a stored shape and a small function that
 * opens it; a new method adds both here, and the type checker asks for its opener.
 */

export type StoredCredential = { method: "client-secret"; attemptId: string; sealed: SealedSecret };

export type CredentialMethod = StoredCredential["method"];

/** What the `token` check signs in with. */
export type TokenCredential = Pick<VerificationInput, "clientSecret">;

type Opener<M extends CredentialMethod> = (stored: Extract<StoredCredential, { method: M }>) => TokenCredential;

const OPENERS: { [M in CredentialMethod]: Opener<M> } = {
  // Throws SecretUnavailableError when the key ring no longer holds the secret's key.
  "client-secret": (stored) => ({ clientSecret: openSecret(stored.sealed, stored.attemptId) }),
};

type AttemptRow = typeof submissionAttempts.$inferSelect;

/** The attempt's stored credential, or null once it was destroyed (revoked, replaced) or never kept. */
export function storedCredentialOf(attempt: Pick<AttemptRow, "id" | "secretCiphertext" | "secretKeyId">): StoredCredential | null {
  if (!attempt.secretCiphertext || !attempt.secretKeyId) return null;
  return { method: "client-secret", attemptId: attempt.id, sealed: { ciphertext: attempt.secretCiphertext, keyId: attempt.secretKeyId } };
}

/**
 * Opens a stored credential for one run, as an audited change: the `secret.decrypted`
 * event lands with the change that asked, and only when the credential did open.
 * The opened value is never logged or stored.
 */
export async function openCredential(
  change: Change,
  stored: StoredCredential,
  audit: { brokerageId: string; detail: Record<string, unknown> },
): Promise<TokenCredential> {
  const opened = OPENERS[stored.method](stored);
  await change.audit({
    action: "secret.decrypted",
    subject: { type: "attempt", id: stored.attemptId },
    brokerageId: audit.brokerageId,
    detail: { ...audit.detail, purpose: "verification" },
  });
  return opened;
}
