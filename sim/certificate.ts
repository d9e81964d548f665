import { createHash, generateKeyPairSync, randomBytes, sign, X509Certificate, type KeyObject } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import * as der from "./der";

/**
 * The simulator's TLS identity: a private certificate authority and a server
 * certificate for localhost, 127.0.0.1 and ::1 signed by it. Generated once into
 * .data/simulator/tls and reused, because NODE_EXTRA_CA_CERTS (how processes trust
 * it) is read only when a process starts.
 */

export const SIMULATOR_TLS_DIR = path.resolve(fileURLToPath(new URL(".", import.meta.url)), "..", ".data", "simulator", "tls");

export type SimulatorCertificate = { caCertPath: string; caPem: string; certPem: string; keyPem: string };

const OID = {
  commonName: "2.5.4.3",
  organization: "2.5.4.10",
  ecdsaWithSha256: "1.2.840.10045.4.3.2",
  basicConstraints: "2.5.29.19",
  keyUsage: "2.5.29.15",
  extKeyUsage: "2.5.29.37",
  serverAuth: "1.3.6.1.5.5.7.3.1",
  subjectAltName: "2.5.29.17",
  subjectKeyId: "2.5.29.14",
  authorityKeyId: "2.5.29.35",
};

const DAY = 86_400_000;
const RENEW_WITHIN_MS = 30 * DAY;

function name(commonName: string) {
  return der.sequence(
    der.set(der.sequence(der.objectIdentifier(OID.organization), der.utf8String("Microsoft 365 simulator (development only)"))),
    der.set(der.sequence(der.objectIdentifier(OID.commonName), der.utf8String(commonName))),
  );
}

function extension(oid: string, critical: boolean, value: Buffer) {
  return der.sequence(der.objectIdentifier(oid), ...(critical ? [der.boolean(true)] : []), der.octetString(value));
}

function keyId(publicKey: KeyObject) {
  return createHash("sha1").update(publicKey.export({ type: "spki", format: "der" })).digest();
}

type CertSpec = {
  subject: string;
  issuer: string;
  publicKey: KeyObject;
  signingKey: KeyObject;
  issuerKeyId: Buffer;
  days: number;
  extensions: Buffer[];
};

function certificate(spec: CertSpec): string {
  const algorithm = der.sequence(der.objectIdentifier(OID.ecdsaWithSha256));
  const now = Date.now();
  const tbs = der.sequence(
    der.explicit(0, der.smallInteger(2)), // v3
    der.unsignedInteger(Buffer.concat([Buffer.from([0x01]), randomBytes(15)])),
    algorithm,
    name(spec.issuer),
    der.sequence(der.time(new Date(now - DAY)), der.time(new Date(now + spec.days * DAY))),
    name(spec.subject),
    spec.publicKey.export({ type: "spki", format: "der" }),
    der.explicit(
      3,
      der.sequence(
        ...spec.extensions,
        extension(OID.authorityKeyId, false, der.sequence(der.tlv(0x80, spec.issuerKeyId))),
      ),
    ),
  );
  const signature = sign("sha256", tbs, spec.signingKey); // DER-encoded ECDSA signature
  const body = der.sequence(tbs, algorithm, der.bitString(signature)).toString("base64");
  return `-----BEGIN CERTIFICATE-----\n${body.match(/.{1,64}/g)!.join("\n")}\n-----END CERTIFICATE-----\n`;
}

/** A fresh CA and a localhost server certificate signed by it. */
export function generateCertificates(): { caPem: string; certPem: string; keyPem: string } {
  const ca = generateKeyPairSync("ec", { namedCurve: "prime256v1" });
  const server = generateKeyPairSync("ec", { namedCurve: "prime256v1" });
  const caName = "Microsoft 365 simulator CA";
  const caKeyId = keyId(ca.publicKey);
  const caPem = certificate({
    subject: caName,
    issuer: caName,
    publicKey: ca.publicKey,
    signingKey: ca.privateKey,
    issuerKeyId: caKeyId,
    days: 3650,
    extensions: [
      extension(OID.basicConstraints, true, der.sequence(der.boolean(true))),
      extension(OID.keyUsage, true, der.bitString(Buffer.from([0x06]), 1)), // keyCertSign, cRLSign
      extension(OID.subjectKeyId, false, der.octetString(caKeyId)),
    ],
  });
  const altNames = der.sequence(
    der.tlv(0x82, Buffer.from("localhost")),
    der.tlv(0x87, Buffer.from([127, 0, 0, 1])),
    der.tlv(0x87, Buffer.concat([Buffer.alloc(15), Buffer.from([1])])),
  );
  const certPem = certificate({
    subject: "localhost",
    issuer: caName,
    publicKey: server.publicKey,
    signingKey: ca.privateKey,
    issuerKeyId: caKeyId,
    days: 825,
    extensions: [
      extension(OID.basicConstraints, true, der.sequence()),
      extension(OID.keyUsage, true, der.bitString(Buffer.from([0x80]), 7)), // digitalSignature
      extension(OID.extKeyUsage, false, der.sequence(der.objectIdentifier(OID.serverAuth))),
      extension(OID.subjectAltName, false, altNames),
      extension(OID.subjectKeyId, false, der.octetString(keyId(server.publicKey))),
    ],
  });
  const keyPem = server.privateKey.export({ type: "pkcs8", format: "pem" }).toString();
  return { caPem, certPem, keyPem };
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
