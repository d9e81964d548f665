import { createHash, randomUUID, X509Certificate } from "node:crypto";
import { generateCertificate } from "../lib/crypto/certificate";
import type { ClientCertificate } from "../lib/microsoft/client-certificate";
import type { SimKeyCredential } from "./model";

/**
 * Certificates for the scenarios of the `certificate` method, made once per process
 * with the portal's own generator: fake brokerage keys for a local simulator, opening
 * nothing. One is uploaded to the certificate app, one never is, and one uploaded to
 * the expired app ran out a month ago.
 */

const DAY = 86_400_000;

const make = (name: string, now?: Date): ClientCertificate => {
  const generated = generateCertificate({ product: "Simulator", brokerageName: name, now });
  return { thumbprintSha256: generated.thumbprintSha256, privateKeyPem: generated.privateKeyPem, certificatePem: generated.certificatePem, notAfter: generated.notAfter };
};

let made: { uploaded: ClientCertificate; notUploaded: ClientCertificate; expired: ClientCertificate } | undefined;

/** The scenario certificates, generated on first use (RSA key generation takes a moment). */
export function scenarioCertificates() {
  made ??= {
    uploaded: make("Harbor Realty"),
    notUploaded: make("Harbor Realty (not uploaded)"),
    expired: make("Harbor Realty (expired)", new Date(Date.now() - 400 * DAY)),
  };
  return made;
}

/** A certificate (PEM or DER) as the app registration keeps it after an upload. */
export function keyCredentialOf(certificate: string | Buffer, displayName?: string): SimKeyCredential {
  const x509 = new X509Certificate(certificate);
  const der = Buffer.from(x509.raw);
  return {
    keyId: randomUUID(),
    displayName: displayName ?? x509.subject.split("\n").find((l) => l.startsWith("CN="))?.slice(3) ?? "certificate",
    thumbprintSha256: createHash("sha256").update(der).digest("hex"),
    thumbprintSha1: createHash("sha1").update(der).digest("hex"),
    startDateTime: new Date(x509.validFrom).toISOString(),
    endDateTime: new Date(x509.validTo).toISOString(),
    certificateDer: der,
  };
}
