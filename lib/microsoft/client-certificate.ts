import { createPrivateKey, X509Certificate } from "node:crypto";

/**
 * A certificate credential as MSAL's `clientCertificate` needs it: the SHA-256
 * thumbprint (hex, of the certificate's DER), the private key (PKCS#8 PEM) and the
 * certificate itself (PEM, sent as the assertion's x5c). The private key stays in
 * memory: it is never logged or stored by this module.
 */
export type ClientCertificate = {
  thumbprintSha256: string;
  privateKeyPem: string;
  certificatePem: string;
  /** The certificate's notAfter: its expiry, read from the certificate, never typed. */
  notAfter: Date;
};

/** Lower-case hex SHA-256 of the certificate's DER, as the Entra admin center lists thumbprints (without colons). */
export function thumbprintSha256(certificate: X509Certificate): string {
  return certificate.fingerprint256.replace(/:/g, "").toLowerCase();
}

export type CertificateFacts = { thumbprintSha256: string; notBefore: Date; notAfter: Date; subject: string; certificatePem: string };

export function certificateFacts(pemOrDer: string | Buffer): CertificateFacts {
  const certificate = new X509Certificate(pemOrDer);
  return {
    thumbprintSha256: thumbprintSha256(certificate),
    notBefore: new Date(certificate.validFrom),
    notAfter: new Date(certificate.validTo),
    subject: certificate.subject,
    certificatePem: certificate.toString(),
  };
}

const CERTIFICATE_BLOCK = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/;
const KEY_BLOCK = /-----BEGIN (?:RSA |ENCRYPTED )?PRIVATE KEY-----[\s\S]+?-----END (?:RSA |ENCRYPTED )?PRIVATE KEY-----/;

export class CertificateFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "CertificateFileError";
  }
}

/**
 * A PEM file holding a private key and its certificate (DESIGN §4 CLI), in either
 * order. Refuses a key that does not belong to the certificate. Messages never quote
 * the file.
 */
export function clientCertificateFromPem(pem: string): ClientCertificate {
  const certificateText = CERTIFICATE_BLOCK.exec(pem)?.[0];
  const keyText = KEY_BLOCK.exec(pem)?.[0];
  if (!certificateText) throw new CertificateFileError("the file holds no certificate (-----BEGIN CERTIFICATE-----)");
  if (!keyText) throw new CertificateFileError("the file holds no private key (-----BEGIN PRIVATE KEY-----)");
  let certificate: X509Certificate;
  let key;
  try {
    certificate = new X509Certificate(certificateText);
    key = createPrivateKey(keyText);
  } catch {
    throw new CertificateFileError("the certificate or the private key could not be read");
  }
  if (!certificate.checkPrivateKey(key)) throw new CertificateFileError("the private key does not belong to the certificate");
  return {
    thumbprintSha256: thumbprintSha256(certificate),
    privateKeyPem: key.export({ type: "pkcs8", format: "pem" }).toString(),
    certificatePem: certificate.toString(),
    notAfter: new Date(certificate.validTo),
  };
}

/** The certificate as a .cer download: DER bytes. */
export function certificateDer(certificatePem: string): Buffer {
  return Buffer.from(new X509Certificate(certificatePem).raw);
}
