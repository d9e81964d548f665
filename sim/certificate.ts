import { generateKeyPairSync, randomBytes, X509Certificate } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import forge from "node-forge";

/**
 * The simulator's TLS identity: a private certificate authority and a server
 * certificate for localhost, 127.0.0.1 and ::1 signed by it. Generated once into
 * .data/simulator/tls and reused, because NODE_EXTRA_CA_CERTS (how processes trust
 * it) is read only when a process starts.
 */

export const SIMULATOR_TLS_DIR = path.resolve(fileURLToPath(new URL(".", import.meta.url)), "..", ".data", "simulator", "tls");

export type SimulatorCertificate = { caCertPath: string; caPem: string; certPem: string; keyPem: string };

const DAY = 86_400_000;
const RENEW_WITHIN_MS = 30 * DAY;
const ORGANIZATION = "Microsoft 365 simulator (development only)";
const CA_NAME = "Microsoft 365 simulator CA";

/** A positive 128-bit serial (RFC 5280 §4.1.2.2). */
function serialNumber() {
  const serial = randomBytes(16);
  serial[0]! &= 0x7f;
  serial[0]! |= 0x01;
  return serial.toString("hex");
}

const forgeName = (commonName: string) => [
  { name: "organizationName", value: ORGANIZATION },
  { name: "commonName", value: commonName },
];

/**
 * One X.509 certificate written and signed by node-forge, the library the portal makes its
 * own certificates with (lib/crypto/certificate.ts). RSA keys from node:crypto: forge signs
 * only with RSA.
 */
function certificate(spec: { subject: string; publicKeyPem: string; signingKeyPem: string; days: number; extensions: object[] }): string {
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.publicKeyFromPem(spec.publicKeyPem);
  cert.serialNumber = serialNumber();
  const now = Date.now();
  cert.validity.notBefore = new Date(now - DAY);
  cert.validity.notAfter = new Date(now + spec.days * DAY);
  cert.setSubject(forgeName(spec.subject));
  cert.setIssuer(forgeName(CA_NAME));
  cert.setExtensions(spec.extensions);
  cert.sign(forge.pki.privateKeyFromPem(spec.signingKeyPem), forge.md.sha256.create());
  return forge.pki.certificateToPem(cert);
}

function rsaKeyPair() {
  const { publicKey, privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  return {
    publicKeyPem: publicKey.export({ type: "spki", format: "pem" }).toString(),
    privateKeyPem: privateKey.export({ type: "pkcs8", format: "pem" }).toString(),
  };
}

/** A fresh CA and a localhost server certificate signed by it. */
export function generateCertificates(): { caPem: string; certPem: string; keyPem: string } {
  const ca = rsaKeyPair();
  const server = rsaKeyPair();
  const caPem = certificate({
    subject: CA_NAME,
    publicKeyPem: ca.publicKeyPem,
    signingKeyPem: ca.privateKeyPem,
    days: 3650,
    extensions: [
      { name: "basicConstraints", cA: true, critical: true },
      { name: "keyUsage", keyCertSign: true, cRLSign: true, critical: true },
      { name: "subjectKeyIdentifier" },
    ],
  });
  const caCert = forge.pki.certificateFromPem(caPem);
  const certPem = certificate({
    subject: "localhost",
    publicKeyPem: server.publicKeyPem,
    signingKeyPem: ca.privateKeyPem,
    days: 825,
    extensions: [
      { name: "basicConstraints", cA: false, critical: true },
      { name: "keyUsage", digitalSignature: true, keyEncipherment: true, critical: true },
      { name: "extKeyUsage", serverAuth: true },
      {
        name: "subjectAltName",
        altNames: [
          { type: 2, value: "localhost" },
          { type: 7, ip: "127.0.0.1" },
          { type: 7, ip: "::1" },
        ],
      },
      { name: "subjectKeyIdentifier" },
      { name: "authorityKeyIdentifier", keyIdentifier: caCert.generateSubjectKeyIdentifier().getBytes() },
    ],
  });
  return { caPem, certPem, keyPem: server.privateKeyPem };
}

function readExisting(dir: string): SimulatorCertificate | undefined {
  const files = ["ca.pem", "server-cert.pem", "server-key.pem"].map((f) => path.join(dir, f));
  if (!files.every((f) => existsSync(f))) return undefined;
  const [caPem, certPem, keyPem] = files.map((f) => readFileSync(f, "utf8")) as [string, string, string];
  try {
    const cert = new X509Certificate(certPem);
    const ca = new X509Certificate(caPem);
    const fresh = Date.parse(cert.validTo) - Date.now() > RENEW_WITHIN_MS;
    if (!fresh || !cert.verify(ca.publicKey)) return undefined;
  } catch {
    return undefined;
  }
  return { caCertPath: files[0]!, caPem, certPem, keyPem };
}

/**
 * The certificate in `dir`, created when missing or close to expiry. Written to a
 * temporary folder and renamed into place, so processes starting at the same time
 * all end up with the same files.
 */
export function ensureSimulatorCertificate(dir = SIMULATOR_TLS_DIR): SimulatorCertificate {
  const existing = readExisting(dir);
  if (existing) return existing;
  mkdirSync(path.dirname(dir), { recursive: true });
  if (existsSync(dir)) rmSync(dir, { recursive: true, force: true });
  const staging = `${dir}.${process.pid}.${randomBytes(4).toString("hex")}`;
  mkdirSync(staging);
  const generated = generateCertificates();
  writeFileSync(path.join(staging, "ca.pem"), generated.caPem);
  writeFileSync(path.join(staging, "server-cert.pem"), generated.certPem);
  writeFileSync(path.join(staging, "server-key.pem"), generated.keyPem, { mode: 0o600 });
  try {
    renameSync(staging, dir);
  } catch {
    // Another process won the race: use its files.
    rmSync(staging, { recursive: true, force: true });
  }
  const result = readExisting(dir);
  if (!result) throw new Error(`Could not create the simulator certificate in ${dir}`);
  return result;
}
