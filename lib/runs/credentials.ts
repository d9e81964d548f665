import "server-only";
import type { Change } from "../audit/change";
import { openSecret, type SealedSecret } from "../crypto/secret-box";
import type { submissionAttempts } from "../db/schema";
import { certificateFacts } from "../microsoft/client-certificate";
import { vendorApp } from "../microsoft/vendor-app";
import type { VerificationInput } from "../verification/types";

/**
 * The one step of a run that differs per way of connecting (DESIGN §9): what the
 * `token` check signs in with. Each method is a stored shape and a small function that
 * opens it; a new method adds both here, and the type checker asks for its opener.
 */

export type StoredCredential =
  | { method: "client-secret"; attemptId: string; sealed: SealedSecret }
  /** The private key is sealed like a secret (same columns, same key ring); the certificate is public. */
  | { method: "certificate"; attemptId: string; sealed: SealedSecret; certificateDer: Buffer }
  /** Nothing stored per brokerage: the vendor's own certificate, from configuration, signs in to the consented tenant. */
  | { method: "vendor-app"; attemptId: string };

export type CredentialMethod = StoredCredential["method"];

/** What the `token` check signs in with. */
export type TokenCredential = Pick<VerificationInput, "clientSecret" | "clientCertificate" | "vendorApp">;

type Opener<M extends CredentialMethod> = (stored: Extract<StoredCredential, { method: M }>) => TokenCredential;

const OPENERS: { [M in CredentialMethod]: Opener<M> } = {
  // Throws SecretUnavailableError when the key ring no longer holds the secret's key.
  "client-secret": (stored) => ({ clientSecret: openSecret(stored.sealed, stored.attemptId) }),
  certificate: (stored) => {
    const facts = certificateFacts(stored.certificateDer);
    return {
      clientCertificate: {
        thumbprintSha256: facts.thumbprintSha256,
        certificatePem: facts.certificatePem,
        notAfter: facts.notAfter,
        privateKeyPem: openSecret(stored.sealed, stored.attemptId),
      },
    };
  },
  "vendor-app": () => {
    const app = vendorApp();
    if (!app) throw new VendorAppUnavailableError();
    return { clientCertificate: app.certificate, vendorApp: true };
  },
};

/** A `vendor-app` attempt while the portal has no vendor app configured: it cannot sign in until it is. */
export class VendorAppUnavailableError extends Error {
  constructor() {
    super("The vendor app is not configured (MICROSOFT_VENDOR_APP_CLIENT_ID, MICROSOFT_VENDOR_APP_CERTIFICATE)");
    this.name = "VendorAppUnavailableError";
  }
}

type AttemptRow = typeof submissionAttempts.$inferSelect;

/** Whether the attempt can still sign in: a sealed secret or key, or a `vendor-app` attempt not revoked or replaced. */
export function hasStoredCredential(
  attempt: Pick<AttemptRow, "secretCiphertext" | "secretKeyId" | "credentialMethod" | "secretDestroyedAt">,
): boolean {
  if (attempt.credentialMethod === "vendor-app") return !attempt.secretDestroyedAt;
  return Boolean(attempt.secretCiphertext && attempt.secretKeyId);
}

/** The attempt's stored credential, or null once it was destroyed (revoked, replaced) or never kept. */
export function storedCredentialOf(
  attempt: Pick<AttemptRow, "id" | "secretCiphertext" | "secretKeyId" | "credentialMethod" | "certificateDer"> & Partial<Pick<AttemptRow, "secretDestroyedAt">>,
): StoredCredential | null {
  // Revoked or replaced: the attempt keeps no way to sign in, whatever the method.
  if (attempt.credentialMethod === "vendor-app") return attempt.secretDestroyedAt ? null : { method: "vendor-app", attemptId: attempt.id };
  if (!attempt.secretCiphertext || !attempt.secretKeyId) return null;
  const sealed = { ciphertext: attempt.secretCiphertext, keyId: attempt.secretKeyId };
  if (attempt.credentialMethod === "certificate") {
    if (!attempt.certificateDer) return null;
    return { method: "certificate", attemptId: attempt.id, sealed, certificateDer: attempt.certificateDer };
  }
  return { method: "client-secret", attemptId: attempt.id, sealed };
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
  const opened = (OPENERS[stored.method] as Opener<typeof stored.method>)(stored as never);
  await change.audit({
    action: "secret.decrypted",
    subject: { type: "attempt", id: stored.attemptId },
    brokerageId: audit.brokerageId,
    detail: { ...audit.detail, purpose: "verification", ...(stored.method !== "client-secret" ? { method: stored.method } : {}) },
  });
  return opened;
}
