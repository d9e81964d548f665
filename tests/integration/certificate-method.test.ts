import { spawn } from "node:child_process";
import { createPrivateKey, X509Certificate } from "node:crypto";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { and, eq, sql } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { inAuditedTransaction } from "@/lib/audit/change";
import { generateKeyRingEntry } from "@/lib/crypto/key-ring";
import { rotateSecrets } from "@/lib/crypto/rotate-secrets";
import { openSecret } from "@/lib/crypto/secret-box";
import { db } from "@/lib/db/client";
import { auditEvents, brokerageCertificates, submissionAttempts, webhookDeliveries } from "@/lib/db/schema";
import { resetEnvCache } from "@/lib/env";
import { createApiKey } from "@/lib/handoff/api-keys";
import { handleCredentialsRequest } from "@/lib/handoff/credentials-api";
import { approveAttempt } from "@/lib/review/approve";
import type { ClientCertificate } from "@/lib/microsoft/client-certificate";
import { certificateDownload, currentBrokerageCertificate, issueBrokerageCertificate } from "@/lib/submissions/certificate";
import { createAttempt } from "@/lib/submissions/create-attempt";
import { handleVerificationRun } from "@/lib/submissions/verification-job";
import { CertificateSubmissionSchema } from "@/lib/validation/submission";
import { runVerification } from "@/lib/verification/run";
import type { VerificationReport } from "@/lib/verification/types";
import { scenarioCertificates } from "@/sim/certificates";
import { APPS, MAILBOXES, scenario, TENANTS } from "@/sim/scenarios";
import { performAction } from "@/lib/actions/action";
import { checkCertificateEarly } from "@/lib/submissions/early-check";
import { brokerageRequest, brokerageWithInvite } from "../support/brokerages";
import { simulatedTenantForFile } from "../support/simulated-tenant";
import { captureLogs } from "../support/simulator";

/**
 * The `certificate` method end to end with the real MSAL client over HTTPS against the
 * simulator: the portal's certificate signs a client assertion (PS256, x5t#S256), the
 * simulator checks it against the app's uploaded certificates, and each failure gets
 * its reason. The private key shows up in no log line and in no column in plaintext.
 */

const tenant = simulatedTenantForFile();
const logs = captureLogs();
beforeEach(() => tenant.sim.control.reset());

const PEM_MARKER = /PRIVATE KEY/;
const keyBody = (pem: string) => pem.split("\n").filter((l) => l && !l.startsWith("-----")).slice(1, 3).join("");

const verify = (clientCertificate: ClientCertificate, clientId: string = APPS.certificate.clientId) =>
  runVerification(
    { tenantId: TENANTS.harbor.id, clientId, clientCertificate, testMailbox: MAILBOXES.agent, sendTestMessage: false },
    { endpoints: tenant.sim, logger: logs.logger },
  );
const check = (report: VerificationReport, id: string) => report.checks.find((c) => c.id === id)!;

describe("verifying with a certificate", () => {
  it("verifies when the certificate is uploaded, with the expiry read from the certificate", async () => {
    const certificate = scenarioCertificates().uploaded;
    const report = await verify(certificate);
    expect(report.outcome).toBe("verified");
    expect(check(report, "token")).toMatchObject({ status: "pass", data: { method: "certificate", thumbprintSha256: certificate.thumbprintSha256 } });
    expect(check(report, "secret.expiry")).toMatchObject({ status: "pass", data: { expiresOn: certificate.notAfter.toISOString().slice(0, 10), source: "certificate" } });
    expect(check(report, "secret.expiry").detail).toContain("The certificate expires");
  });

  it("names a certificate that was never uploaded, pointing to the upload step", async () => {
    for (const k of tenant.sim.control.certificates(APPS.certificate.clientId)) tenant.sim.control.removeCertificate(APPS.certificate.clientId, k.keyId);
    const report = await verify(scenarioCertificates().uploaded);
    expect(report.outcome).toBe("failed");
    expect(check(report, "token")).toMatchObject({ status: "fail", reason: "certificate-not-uploaded", guideAnchor: "upload-certificate", microsoft: { code: "AADSTS700027" } });
    expect(check(report, "permissions").status).toBe("skipped");
  });

  it("names a different certificate uploaded to the app the same way, and passes once this one is uploaded", async () => {
    const other = scenarioCertificates().notUploaded;
    const report = await verify(other);
    expect(check(report, "token")).toMatchObject({ status: "fail", reason: "certificate-not-uploaded", microsoft: { code: "AADSTS700027" } });

    tenant.sim.control.uploadCertificate(APPS.certificate.clientId, { certificate: other.certificatePem });
    expect((await verify(other)).outcome).toBe("verified");
  });

  it("refuses an assertion signed by another key under an uploaded thumbprint (signature does not verify)", async () => {
    const { uploaded, notUploaded } = scenarioCertificates();
    const forged = { ...uploaded, privateKeyPem: notUploaded.privateKeyPem };
    const report = await verify(forged);
    expect(check(report, "token")).toMatchObject({ status: "fail", reason: "certificate-not-uploaded", microsoft: { code: "AADSTS700027" } });
  });

  it("names an expired certificate", async () => {
    const report = await verify(scenarioCertificates().expired, APPS.certificateExpired.clientId);
    expect(report.outcome).toBe("failed");
    expect(check(report, "token")).toMatchObject({ status: "fail", reason: "certificate-expired", guideAnchor: "upload-certificate", microsoft: { code: "AADSTS7000274" } });
    expect(check(report, "secret.expiry")).toMatchObject({ status: "fail", reason: "secret-expiry-past" });
  });

  it("never logs the private key, even at trace level", async () => {
    await verify(scenarioCertificates().uploaded);
    await verify(scenarioCertificates().notUploaded);
    const text = logs.text();
    expect(text.length).toBeGreaterThan(0);
    expect(text).not.toMatch(PEM_MARKER);
    for (const c of Object.values(scenarioCertificates())) expect(text).not.toContain(keyBody(c.privateKeyPem));
  });
});

describe("a brokerage submitting with the certificate the portal made", () => {
  it("keeps the private key sealed, hands the public certificate out, and verifies once it is uploaded", async () => {
    const { brokerage } = await brokerageWithInvite("Certificate Realty");
    const actor = { type: "brokerage", id: brokerage.id } as const;
    const first = await inAuditedTransaction(actor, null, (change) => issueBrokerageCertificate(change, brokerage.id));
    const issued = await inAuditedTransaction(actor, null, (change) => issueBrokerageCertificate(change, brokerage.id));
    const rows = await db().select().from(brokerageCertificates).where(eq(brokerageCertificates.brokerageId, brokerage.id));
    // The replaced certificate's private key is destroyed.
    expect(rows.find((r) => r.id === first.id)).toMatchObject({ privateKeyCiphertext: null, privateKeyKeyId: null });
    expect(rows.find((r) => r.id === issued.id)?.privateKeyKeyId).toBe("test1");

    const current = (await currentBrokerageCertificate(brokerage.id))!;
    expect(current.thumbprint).toBe(issued.thumbprint);
    expect(current.notAfter.getTime() - Date.now()).toBeGreaterThan(360 * 86_400_000);
    const pem = certificateDownload(current, "pem").body.toString("utf8");
    expect(pem).toMatch(/^-----BEGIN CERTIFICATE-----/);
    expect(pem).not.toMatch(PEM_MARKER);
    expect(certificateDownload(current, "cer")).toMatchObject({ contentType: "application/pkix-cert", body: current.certificateDer });

    // The administrator uploads it (the simulator's control stands in for the admin center).
    tenant.sim.control.uploadCertificate(APPS.certificate.clientId, { certificate: pem });

    const submission = CertificateSubmissionSchema.parse({
      tenantId: TENANTS.harbor.id,
      clientId: APPS.certificate.clientId,
      testMailbox: MAILBOXES.agent,
      sendTestMessage: false,
      submitterName: "Dana Whitfield",
      submitterEmail: "it@certificate.example",
      submitterPhone: "",
    });
    const outcome = await createAttempt({
      brokerageId: brokerage.id,
      submission,
      idempotencyKey: crypto.randomUUID(),
      basedOn: 0,
      origin: { ip: "203.0.113.9", userAgent: "vitest" },
    });
    const [attempt] = await db().select().from(submissionAttempts).where(eq(submissionAttempts.id, outcome.attemptId));
    expect(attempt).toMatchObject({
      credentialMethod: "certificate",
      certificateThumbprint: issued.thumbprint,
      secretExpiresOn: issued.notAfter.toISOString().slice(0, 10),
      secretHint: "",
      secretKeyId: "test1",
    });

    await handleVerificationRun({ attemptId: attempt!.id, trigger: "submit", retry: 0 });
    const [after] = await db().select().from(submissionAttempts).where(eq(submissionAttempts.id, attempt!.id));
    expect(after!.status).toBe("verified");

    const decryptions = await db()
      .select({ detail: auditEvents.detail })
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "secret.decrypted"), eq(auditEvents.subjectId, attempt!.id)));
    expect(decryptions.map((d) => (d.detail as { purpose: string }).purpose).sort()).toEqual(["submission", "verification"]);

    // The hand-off: the webhook names the method and thumbprint; the API returns the key, audited.
    await approveAttempt(attempt!.id, { staffId: "csm-1" });
    const [hook] = await db().select().from(webhookDeliveries).where(eq(webhookDeliveries.brokerageId, brokerage.id));
    expect(JSON.parse(hook!.body).data).toMatchObject({ credentialMethod: "certificate", certificateThumbprint: issued.thumbprint });
    expect(hook!.body).not.toMatch(PEM_MARKER);
    const key = await db().transaction((tx) =>
      createApiKey(tx, { name: "Sync certificates", scope: "credentials:read" }, { staffId: "admin-1", origin: { ip: "198.51.100.7", userAgent: "vitest" } }),
    );
    const response = await handleCredentialsRequest(
      new Request(`http://localhost/api/v1/brokerages/${brokerage.id}/credentials`, { headers: { authorization: `Bearer ${key.key}` } }),
      brokerage.id,
    );
    expect(response.status).toBe(200);
    const body = (await response.json()) as { credentialMethod: string; clientSecret?: string; certificate: { thumbprintSha256: string; privateKeyPem: string; certificatePem: string; notAfter: string } };
    expect(body).toMatchObject({ credentialMethod: "certificate", certificate: { thumbprintSha256: issued.thumbprint, notAfter: issued.notAfter.toISOString() } });
    expect(body.clientSecret).toBeUndefined();
    expect(body.certificate.privateKeyPem).toMatch(/^-----BEGIN PRIVATE KEY-----/);
    expect(createPrivateKey(body.certificate.privateKeyPem).asymmetricKeyType).toBe("rsa");
    expect(new X509Certificate(body.certificate.certificatePem).checkPrivateKey(createPrivateKey(body.certificate.privateKeyPem))).toBe(true);
    const handoffReads = await db()
      .select({ detail: auditEvents.detail })
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "secret.decrypted"), eq(auditEvents.actorId, key.id)));
    expect(handoffReads.map((r) => r.detail)).toEqual([expect.objectContaining({ purpose: "handoff", method: "certificate", thumbprint: issued.thumbprint })]);

    // No column of any table holds a private key in plaintext.
    const tables = await db().execute<{ table_name: string }>(
      sql`select table_name from information_schema.tables where table_schema = current_schema() and table_type = 'BASE TABLE'`,
    );
    for (const { table_name } of tables) {
      const hits = await db().execute<{ n: number }>(sql`select count(*)::int as n from ${sql.identifier(table_name)} t where t::text ~ 'PRIVATE KEY'`);
      expect({ table: table_name, hits: hits[0]!.n }).toEqual({ table: table_name, hits: 0 });
    }
    // Binary columns too: the sealed keys and the public certificates.
    const binary = await db().execute<{ table_name: string; column_name: string }>(
      sql`select table_name, column_name from information_schema.columns where table_schema = current_schema() and data_type = 'bytea'`,
    );
    expect(binary.length).toBeGreaterThan(0);
    for (const { table_name, column_name } of binary) {
      const hits = await db().execute<{ n: number }>(
        sql`select count(*)::int as n from ${sql.identifier(table_name)} where position(convert_to('PRIVATE KEY', 'UTF8') in ${sql.identifier(column_name)}) > 0`,
      );
      expect({ column: `${table_name}.${column_name}`, hits: hits[0]!.n }).toEqual({ column: `${table_name}.${column_name}`, hits: 0 });
    }
  });
});

describe("checking the certificate before sending the form", () => {
  it("says the certificate is not uploaded, then that it works once it is, audited, without the key in the answer", async () => {
    const { brokerage, inviteId } = await brokerageWithInvite("Early Certificate Realty");
    const headers = await brokerageRequest({ brokerageId: brokerage.id, inviteId });
    const ids = { tenantId: TENANTS.harbor.id, clientId: APPS.certificate.clientId };

    expect(await performAction(checkCertificateEarly, ids, headers)).toMatchObject({ status: "error", message: "Create the certificate and upload it to your app first." });

    await inAuditedTransaction({ type: "brokerage", id: brokerage.id }, null, (change) => issueBrokerageCertificate(change, brokerage.id));
    const before = await performAction(checkCertificateEarly, ids, headers);
    expect(before).toMatchObject({ status: "ok", result: { outcome: "checked" } });
    const token = (s: typeof before) => (s.result as { results: { id: string; status: string; reason: string | null }[] }).results.find((r) => r.id === "token");
    expect(token(before)).toMatchObject({ status: "fail", reason: "certificate-not-uploaded" });

    const current = (await currentBrokerageCertificate(brokerage.id))!;
    tenant.sim.control.uploadCertificate(APPS.certificate.clientId, { certificate: certificateDownload(current, "pem").body.toString("utf8") });
    const after = await performAction(checkCertificateEarly, ids, headers);
    expect(token(after)).toMatchObject({ status: "pass" });
    expect(JSON.stringify(after)).not.toMatch(PEM_MARKER);

    const opened = await db()
      .select({ detail: auditEvents.detail })
      .from(auditEvents)
      .where(and(eq(auditEvents.action, "secret.decrypted"), eq(auditEvents.brokerageId, brokerage.id)));
    expect(opened.map((o) => (o.detail as { purpose: string }).purpose)).toEqual(["early-check", "early-check"]);

    expect(await performAction(checkCertificateEarly, { ...ids, clientId: ids.tenantId }, headers)).toMatchObject({ status: "invalid" });
  });
});

describe("key rotation", () => {
  it("re-seals a certificate's private key not yet submitted under the new first key", async () => {
    const { brokerage } = await brokerageWithInvite("Rotating Certificate Realty");
    const issued = await inAuditedTransaction({ type: "brokerage", id: brokerage.id }, null, (change) => issueBrokerageCertificate(change, brokerage.id));
    const previous = process.env.CREDENTIALS_KEYS!;
    process.env.CREDENTIALS_KEYS = `${generateKeyRingEntry("next")},${previous}`;
    resetEnvCache();
    try {
      const result = await rotateSecrets();
      expect(result.unreadable).toEqual([]);
      const [row] = await db().select().from(brokerageCertificates).where(eq(brokerageCertificates.id, issued.id));
      expect(row!.privateKeyKeyId).toBe("next");
      const key = openSecret({ ciphertext: row!.privateKeyCiphertext!, keyId: "next" }, row!.id, undefined, "brokerage_certificates");
      expect(new X509Certificate(row!.certificateDer).checkPrivateKey(createPrivateKey(key))).toBe(true);
    } finally {
      process.env.CREDENTIALS_KEYS = previous;
      resetEnvCache();
    }
  });
});

type Result = { code: number | null; stdout: string; stderr: string };

function cli(args: string[]): Promise<Result> {
  const root = process.cwd();
  const child = spawn(path.join(root, "node_modules", ".bin", "tsx"), ["--import", "./scripts/runtime/server-only.mjs", "scripts/cli.ts", ...args], {
    cwd: root,
    env: {
      ...process.env,
      MICROSOFT_AUTHORITY_HOST: tenant.sim.authorityHost,
      MICROSOFT_GRAPH_URL: tenant.sim.graphUrl,
      NODE_EXTRA_CA_CERTS: tenant.sim.caCertPath,
      LOG_LEVEL: "trace",
      VERIFY_CLIENT_SECRET: "",
    },
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (d) => (stdout += d));
  child.stderr.on("data", (d) => (stderr += d));
  child.stdin.end("");
  return new Promise((resolve) => child.on("close", (code) => resolve({ code, stdout, stderr })));
}

function pemFile(certificate: ClientCertificate) {
  const file = path.join(mkdtempSync(path.join(tmpdir(), "cert-cli-")), "credential.pem");
  writeFileSync(file, `${certificate.privateKeyPem}${certificate.certificatePem}`, { mode: 0o600 });
  return file;
}

describe("npm run cli -- verify --method certificate", () => {
  const args = (file: string, extra: string[] = []) => {
    const v = scenario("certificate-good").values;
    return ["verify", "--method", "certificate", "--certificate", file, "--tenant", v.tenantId, "--client", v.clientId, "--mailbox", v.testMailbox, ...extra];
  };

  it("verifies with the PEM file's key and certificate, exit 0, nothing from standard input, the key in no output", async () => {
    const certificate = scenarioCertificates().uploaded;
    const { code, stdout, stderr } = await cli(args(pemFile(certificate), ["--json", "--no-send"]));
    expect(code).toBe(0);
    const report = JSON.parse(stdout) as VerificationReport;
    expect(report.outcome).toBe("verified");
    expect(report.checks.find((c) => c.id === "secret.expiry")).toMatchObject({ status: "pass" });
    expect(`${stdout}${stderr}`).not.toMatch(PEM_MARKER);
  });

  it("exits 1 with the upload step for a certificate the app does not hold", async () => {
    const { code, stdout } = await cli(args(pemFile(scenarioCertificates().notUploaded), ["--no-send"]));
    expect(code).toBe(1);
    expect(stdout).toContain("Guide: http://localhost:3000/guide#upload-certificate");
    expect(stdout).toMatch(/Microsoft: AADSTS700027/);
  });

  it("exits 64 without --certificate, or with a file that holds no key", async () => {
    const v = scenario("certificate-good").values;
    const missing = await cli(["verify", "--method", "certificate", "--tenant", v.tenantId, "--client", v.clientId, "--mailbox", v.testMailbox]);
    expect(missing.code).toBe(64);
    const file = path.join(mkdtempSync(path.join(tmpdir(), "cert-cli-")), "public.pem");
    writeFileSync(file, scenarioCertificates().uploaded.certificatePem);
    const noKey = await cli(args(file));
    expect(noKey.code).toBe(64);
    expect(noKey.stderr).toContain("no private key");
  });
});
