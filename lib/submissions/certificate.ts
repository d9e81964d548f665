import "server-only";
import { randomUUID } from "node:crypto";
import { and, eq, isNull } from "drizzle-orm";
import type { Change } from "../audit/change";
import { branding } from "../branding";
import { generateCertificate } from "../crypto/certificate";
import { openSecret, sealSecret, type SealedSecret } from "../crypto/secret-box";
import { db, type Executor } from "../db/client";
import { brokerageCertificates, brokerages } from "../db/schema";
import { certificateDer, certificateFacts } from "../microsoft/client-certificate";

/**
 * The certificate a brokerage uploads to its app registration for the `certificate`
 * method (DESIGN §9). The portal makes it before the form is sent, because the
 * administrator uploads it first; one is current per brokerage. Its private key is
 * sealed like a secret, bound to its row, and destroyed when a newer one replaces it.
 * Only the public certificate ever leaves the server.
 */

export type BrokerageCertificate = { id: string; thumbprint: string; notBefore: Date; notAfter: Date; certificateDer: Buffer; createdAt: Date };

const publicColumns = {
  id: brokerageCertificates.id,
  thumbprint: brokerageCertificates.thumbprint,
  notBefore: brokerageCertificates.notBefore,
  notAfter: brokerageCertificates.notAfter,
  certificateDer: brokerageCertificates.certificateDer,
  createdAt: brokerageCertificates.createdAt,
};

const current = (brokerageId: string) => and(eq(brokerageCertificates.brokerageId, brokerageId), isNull(brokerageCertificates.supersededAt));

/** The brokerage's current certificate (public parts only), or null before one was made. */
export async function currentBrokerageCertificate(brokerageId: string, tx: Executor = db()): Promise<BrokerageCertificate | null> {
  const [row] = await tx.select(publicColumns).from(brokerageCertificates).where(current(brokerageId)).limit(1);
  return row ?? null;
}

/** Makes a new certificate for the brokerage; the one it replaces has its private key destroyed. */
export async function issueBrokerageCertificate(change: Change, brokerageId: string, options: { months?: number; now?: Date } = {}) {
  const { tx, audit } = change;
  const [brokerage] = await tx.select({ name: brokerages.name }).from(brokerages).where(eq(brokerages.id, brokerageId)).for("update");
  if (!brokerage) throw new Error("no such brokerage");
  const now = options.now ?? new Date();
  const replaced = await tx
    .update(brokerageCertificates)
    .set({ supersededAt: now, privateKeyCiphertext: null, privateKeyKeyId: null })
    .where(current(brokerageId))
    .returning({ id: brokerageCertificates.id, thumbprint: brokerageCertificates.thumbprint });

  const generated = generateCertificate({ product: branding().productName, brokerageName: brokerage.name, months: options.months, now });
  const id = randomUUID();
  const sealed = sealSecret(generated.privateKeyPem, id, undefined, "brokerage_certificates");
  const der = certificateDer(generated.certificatePem);
  await tx.insert(brokerageCertificates).values({
    id,
    brokerageId,
    thumbprint: generated.thumbprintSha256,
    notBefore: generated.notBefore,
    notAfter: generated.notAfter,
    certificateDer: der,
    privateKeyCiphertext: sealed.ciphertext,
    privateKeyKeyId: sealed.keyId,
  });
  await audit({
    action: "certificate.issued",
    subject: { type: "brokerage", id: brokerageId },
    brokerageId,
    detail: {
      thumbprint: generated.thumbprintSha256,
      notAfter: generated.notAfter.toISOString(),
      ...(replaced.length ? { replaced: replaced.map((r) => r.thumbprint), privateKeyDestroyed: true } : {}),
    },
  });
  return { id, thumbprint: generated.thumbprintSha256, notAfter: generated.notAfter };
}

export class NoCertificateError extends Error {
  constructor() {
    super("The brokerage has no current certificate with a private key");
    this.name = "NoCertificateError";
  }
}

/**
 * The current certificate resealed for an attempt, inside the submitting transaction:
 * the private key is opened (audited) and sealed again bound to the attempt, so the
 * attempt's credential lives and dies with the attempt like a secret does.
 */
export async function certificateForAttempt(change: Change, brokerageId: string, attemptId: string) {
  const [row] = await change.tx
    .select({ ...publicColumns, ciphertext: brokerageCertificates.privateKeyCiphertext, keyId: brokerageCertificates.privateKeyKeyId })
    .from(brokerageCertificates)
    .where(current(brokerageId))
    .limit(1)
    .for("update");
  if (!row?.ciphertext || !row.keyId) throw new NoCertificateError();
  const privateKeyPem = openSecret({ ciphertext: row.ciphertext, keyId: row.keyId }, row.id, undefined, "brokerage_certificates");
  await change.audit({
    action: "secret.decrypted",
    subject: { type: "attempt", id: attemptId },
    brokerageId,
    detail: { purpose: "submission", method: "certificate", thumbprint: row.thumbprint },
  });
  const sealed: SealedSecret = sealSecret(privateKeyPem, attemptId);
  return { thumbprint: row.thumbprint, notAfter: row.notAfter, certificateDer: row.certificateDer, sealed };
}

/**
 * The current certificate with its private key opened, for the form's early check: one
 * token request, then dropped. Audited like every opening of a key.
 */
export async function currentCertificateForCheck(change: Change, brokerageId: string) {
  const [row] = await change.tx
    .select({ ...publicColumns, ciphertext: brokerageCertificates.privateKeyCiphertext, keyId: brokerageCertificates.privateKeyKeyId })
    .from(brokerageCertificates)
    .where(current(brokerageId))
    .limit(1);
  if (!row?.ciphertext || !row.keyId) throw new NoCertificateError();
  const privateKeyPem = openSecret({ ciphertext: row.ciphertext, keyId: row.keyId }, row.id, undefined, "brokerage_certificates");
  await change.audit({
    action: "secret.decrypted",
    subject: { type: "brokerage", id: brokerageId },
    brokerageId,
    detail: { purpose: "early-check", method: "certificate", thumbprint: row.thumbprint },
  });
  const facts = certificateFacts(row.certificateDer);
  return { thumbprintSha256: facts.thumbprintSha256, certificatePem: facts.certificatePem, notAfter: facts.notAfter, privateKeyPem };
}

export type CertificateFormat = "cer" | "pem";

/** The public certificate as a download: .cer is DER (what the Entra admin center expects), .pem the same in base64. */
export function certificateDownload(certificate: Pick<BrokerageCertificate, "certificateDer" | "thumbprint">, format: CertificateFormat) {
  const name = `certificate-${certificate.thumbprint.slice(0, 8)}.${format}`;
  if (format === "cer") return { filename: name, contentType: "application/pkix-cert", body: certificate.certificateDer };
  return { filename: name, contentType: "application/x-pem-file", body: Buffer.from(certificateFacts(certificate.certificateDer).certificatePem, "utf8") };
}
