// No "server-only" marker: the simulator and the end-to-end tests make certificates outside Next;
// the architecture check keeps components away from lib/crypto.
import { generateKeyPairSync, randomBytes } from "node:crypto";
import forge from "node-forge";
import { certificateFacts, type ClientCertificate } from "../microsoft/client-certificate";

/**
 * The key pair and self-signed certificate the portal makes for a brokerage's
 * `certificate` method (DESIGN §9): RSA 2048 from node:crypto, the X.509 certificate
 * written and signed by node-forge (docs/decisions/certificate-library.md). The
 * private key goes straight to the secret box; only the certificate leaves the server.
 */

export const CERTIFICATE_DEFAULT_MONTHS = 12;
/** The longest validity the portal issues; Microsoft recommends under 12 months for secrets, and certificates are rotated the same way. */
export const CERTIFICATE_MAX_MONTHS = 24;
const RSA_BITS = 2048;

export type GeneratedCertificate = ClientCertificate & { notBefore: Date };

export type CertificateRequest = {
  /** The product the certificate signs in for, e.g. "MoxiEngage". */
  product: string;
  brokerageName: string;
  months?: number;
  now?: Date;
};

function addMonths(date: Date, months: number) {
  const d = new Date(date);
  d.setUTCMonth(d.getUTCMonth() + months);
  return d;
}

/** X.500 attribute values are limited to 64 characters; names are cut, never refused. */
const attribute = (value: string) => value.replace(/[\u0000-\u001f]/g, " ").trim().slice(0, 64) || "-";

export function generateCertificate(request: CertificateRequest): GeneratedCertificate {
  const months = Math.min(Math.max(Math.trunc(request.months ?? CERTIFICATE_DEFAULT_MONTHS), 1), CERTIFICATE_MAX_MONTHS);
  const now = request.now ?? new Date();
  const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength: RSA_BITS });
  const privateKeyPem = privateKey.export({ type: "pkcs8", format: "pem" }).toString();

  const certificate = forge.pki.createCertificate();
  certificate.publicKey = forge.pki.publicKeyFromPem(publicKey.export({ type: "spki", format: "pem" }).toString());
  // A positive 128-bit serial (RFC 5280 §4.1.2.2: at most 20 octets, non-negative).
  const serial = randomBytes(16);
  serial[0]! &= 0x7f;
  certificate.serialNumber = serial.toString("hex");
  // Issued a minute back, so a clock slightly behind ours still accepts it.
  certificate.validity.notBefore = new Date(now.getTime() - 60_000);
  certificate.validity.notAfter = addMonths(now, months);
  const subject = [
    { name: "commonName", value: attribute(`${request.product} sync for ${request.brokerageName}`) },
    { name: "organizationName", value: attribute(request.brokerageName) },
  ];
  certificate.setSubject(subject);
  certificate.setIssuer(subject);
  certificate.setExtensions([
    { name: "basicConstraints", cA: false, critical: true },
    { name: "keyUsage", digitalSignature: true, critical: true },
    { name: "extKeyUsage", clientAuth: true },
    { name: "subjectKeyIdentifier" },
  ]);
  certificate.sign(forge.pki.privateKeyFromPem(privateKeyPem), forge.md.sha256.create());
  const facts = certificateFacts(forge.pki.certificateToPem(certificate));
  return {
    thumbprintSha256: facts.thumbprintSha256,
    certificatePem: facts.certificatePem,
    privateKeyPem,
    notBefore: facts.notBefore,
    notAfter: facts.notAfter,
  };
}
