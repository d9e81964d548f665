import { createPrivateKey, X509Certificate } from "node:crypto";
import { describe, expect, it } from "vitest";
import { CertificateFileError, certificateDer, clientCertificateFromPem } from "../microsoft/client-certificate";
import { generateCertificate } from "./certificate";

describe("the portal's certificates", () => {
  const now = new Date("2026-12-02T06:00:00Z");
  const made = generateCertificate({ product: "MoxiEngage", brokerageName: "Harbor Realty", now });

  it("are RSA 2048, self-signed, for client authentication, valid 12 months by default", () => {
    const x509 = new X509Certificate(made.certificatePem);
    expect(x509.publicKey.asymmetricKeyDetails).toMatchObject({ modulusLength: 2048 });
    expect(x509.subject).toContain("CN=MoxiEngage sync for Harbor Realty");
    expect(x509.issuer).toBe(x509.subject);
    expect(x509.verify(x509.publicKey)).toBe(true);
    expect(x509.ca).toBe(false);
    expect(x509.keyUsage).toContain("1.3.6.1.5.5.7.3.2");
    expect(made.notAfter.toISOString()).toBe("2027-12-02T06:00:00.000Z");
    expect(made.notBefore.getTime()).toBeLessThan(now.getTime());
    expect(x509.checkPrivateKey(createPrivateKey(made.privateKeyPem))).toBe(true);
  });

  it("carry the SHA-256 thumbprint of their DER as lower-case hex", () => {
    expect(made.thumbprintSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(new X509Certificate(certificateDer(made.certificatePem)).fingerprint256.replace(/:/g, "").toLowerCase()).toBe(made.thumbprintSha256);
  });

  it("cap the validity at 24 months and cut long names to what X.500 allows", () => {
    const long = generateCertificate({ product: "MoxiEngage", brokerageName: "B".repeat(200), months: 60, now });
    expect(long.notAfter.toISOString()).toBe("2028-12-02T06:00:00.000Z");
    expect(new X509Certificate(long.certificatePem).subject).toMatch(/CN=MoxiEngage sync for B+\n/);
  });

  it("read back from a PEM file holding the key and the certificate, in either order", () => {
    const both = clientCertificateFromPem(`${made.certificatePem}\n${made.privateKeyPem}`);
    expect(both).toMatchObject({ thumbprintSha256: made.thumbprintSha256, notAfter: made.notAfter });
    expect(() => clientCertificateFromPem(made.certificatePem)).toThrow(CertificateFileError);
    const other = generateCertificate({ product: "MoxiEngage", brokerageName: "Other", now });
    expect(() => clientCertificateFromPem(`${made.certificatePem}${other.privateKeyPem}`)).toThrow(/does not belong/);
  });
});
