import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { generateCertificate } from "../crypto/certificate";
import { parseEnv, type Env } from "../env";
import { loadVendorApp } from "./vendor-app";

/** The vendor app's configuration: both settings or neither, and a PEM file checked at start without quoting it. */

const CLIENT_ID = "9e3a6c1f-2b7d-4e58-a0c4-6d1f8b2e5a37";
const dir = mkdtempSync(path.join(tmpdir(), "vendor-app-"));
const settings = (file: string) => ({ ...(parseEnv({}) as { env: Env }).env, MICROSOFT_VENDOR_APP_CLIENT_ID: CLIENT_ID, MICROSOFT_VENDOR_APP_CERTIFICATE: file });

describe("the vendor app's configuration", () => {
  it("needs both settings, naming the missing one", () => {
    const result = parseEnv({ MICROSOFT_VENDOR_APP_CLIENT_ID: CLIENT_ID });
    expect(result).toEqual({ ok: false, errors: [expect.stringMatching(/^MICROSOFT_VENDOR_APP_CERTIFICATE must be set too/)] });
    expect(parseEnv({ MICROSOFT_VENDOR_APP_CLIENT_ID: "not-a-guid", MICROSOFT_VENDOR_APP_CERTIFICATE: "/x" })).toMatchObject({ ok: false });
    expect(loadVendorApp((parseEnv({}) as { env: Env }).env)).toBeNull();
  });

  it("reads a PEM holding the key and the certificate", () => {
    const made = generateCertificate({ product: "Test", brokerageName: "Vendor" });
    const file = path.join(dir, "vendor.pem");
    writeFileSync(file, `${made.certificatePem}\n${made.privateKeyPem}`);
    expect(loadVendorApp(settings(file))).toMatchObject({ clientId: CLIENT_ID, certificate: { thumbprintSha256: made.thumbprintSha256 } });
  }, 60_000);

  it("refuses a missing file, a file without a key, or a key of another certificate, without quoting the file", () => {
    const a = generateCertificate({ product: "Test", brokerageName: "A" });
    const b = generateCertificate({ product: "Test", brokerageName: "B" });
    const certOnly = path.join(dir, "cert-only.pem");
    writeFileSync(certOnly, a.certificatePem);
    const mismatched = path.join(dir, "mismatched.pem");
    writeFileSync(mismatched, `${a.certificatePem}\n${b.privateKeyPem}`);
    expect(() => loadVendorApp(settings(path.join(dir, "absent.pem")))).toThrow("MICROSOFT_VENDOR_APP_CERTIFICATE: the file could not be read");
    expect(() => loadVendorApp(settings(certOnly))).toThrow(/holds no private key/);
    let message = "";
    try {
      loadVendorApp(settings(mismatched));
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toBe("MICROSOFT_VENDOR_APP_CERTIFICATE: the private key does not belong to the certificate");
  }, 60_000);
});
