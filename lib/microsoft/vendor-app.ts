import { readFileSync } from "node:fs";
import { env } from "../env";
import { CertificateFileError, clientCertificateFromPem, type ClientCertificate } from "./client-certificate";

/**
 * The vendor's own multi-tenant app for the `vendor-app` method (DESIGN §9): one client
 * id and one certificate for every tenant that granted admin consent. Configured by
 * MICROSOFT_VENDOR_APP_CLIENT_ID and MICROSOFT_VENDOR_APP_CERTIFICATE (a PEM file with
 * the private key and the certificate, in either order). The file is read once, at
 * start; the private key stays in this process's memory and is never logged or sent.
 */

export type VendorApp = { clientId: string; certificate: ClientCertificate };

export class VendorAppConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "VendorAppConfigError";
  }
}

let loaded: { app: VendorApp | null } | undefined;

/** Reads and checks the configured certificate file; messages name the variable, never the file's content. */
export function loadVendorApp(settings = env()): VendorApp | null {
  const clientId = settings.MICROSOFT_VENDOR_APP_CLIENT_ID;
  const file = settings.MICROSOFT_VENDOR_APP_CERTIFICATE;
  if (!clientId || !file) return null;
  let pem: string;
  try {
    pem = readFileSync(file, "utf8");
  } catch {
    throw new VendorAppConfigError("MICROSOFT_VENDOR_APP_CERTIFICATE: the file could not be read");
  }
  try {
    const certificate = clientCertificateFromPem(pem);
    if (certificate.notAfter.getTime() <= Date.now()) throw new VendorAppConfigError("MICROSOFT_VENDOR_APP_CERTIFICATE: the certificate has expired");
    return { clientId, certificate };
  } catch (error) {
    if (error instanceof CertificateFileError) throw new VendorAppConfigError(`MICROSOFT_VENDOR_APP_CERTIFICATE: ${error.message}`);
    throw error;
  }
}

/** The configured vendor app, or null when `vendor-app` is not offered. Read on first use and kept. */
export function vendorApp(): VendorApp | null {
  loaded ??= { app: loadVendorApp() };
  return loaded.app;
}

/** What pages may know about the vendor app: never the key. */
export function vendorAppConfigured(): { clientId: string } | null {
  const app = vendorApp();
  return app ? { clientId: app.clientId } : null;
}

/** For tests that change the configuration between cases. */
export function resetVendorApp() {
  loaded = undefined;
}
