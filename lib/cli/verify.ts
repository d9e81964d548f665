import { readFileSync } from "node:fs";
import { createInterface } from "node:readline";
import { Writable } from "node:stream";
import { parseArgs } from "node:util";
import { env, parseEnv } from "../env";
import { createLogger } from "../logger";
import { CertificateFileError, clientCertificateFromPem, type ClientCertificate } from "../microsoft/client-certificate";
import { runGoogleVerification } from "../verification/google/run";
import { runVerification } from "../verification/run";
import { ACCESS_SCOPES, type AccessScope } from "../verification/types";
import { formatReport } from "./verify-output";

/**
 * `verify`: runs the live checks for one set of credentials (DESIGN §4).
 *   npm run --silent cli -- verify --tenant <id> --client <id> --mailbox <upn> [--expires YYYY-MM-DD] [--no-send] [--json]
 *     [--access-scope organization|exchange-rbac] [--scope-outside <upn>]
 *   npm run --silent cli -- verify --method certificate --certificate <pem> --tenant <id> --client <id> --mailbox <upn> [--no-send] [--json]
 * The secret comes from standard input (or VERIFY_CLIENT_SECRET), never from the
 * command line, where other users of the machine could read it. Exit codes: 0
 * verified, 1 failed, 2 inconclusive, 64 bad usage.
 */

const USAGE = `Usage: npm run --silent cli -- verify --tenant <tenant-id> --client <client-id> --mailbox <address> [--expires YYYY-MM-DD] [--no-send] [--json]
       [--access-scope organization|exchange-rbac] [--scope-outside <address>]
       npm run --silent cli -- verify --method certificate --certificate <file> --tenant <tenant-id> --client <client-id> --mailbox <address> [--no-send] [--json]
       npm run --silent cli -- verify --provider google --domain <domain> --user <address> [--no-send] [--json]

Reads the client secret value from standard input (or VERIFY_CLIENT_SECRET).
With --method certificate, signs in with the private key and certificate in <file> (PEM)
and reads nothing from standard input; the expiry is the certificate's.
  --method client-secret|certificate  how the app signs in (client-secret by default)
  --expires YYYY-MM-DD  the secret's expiry date, to check it (skipped without)
  --no-send             do not send the test message
  --access-scope SCOPE  organization (default) or exchange-rbac (RBAC for Applications on a group)
  --scope-outside UPN   a mailbox that must stay outside the app's scope: probed read-only
  --provider google     Google Workspace: the vendor's service account (GOOGLE_SERVICE_ACCOUNT_KEY_FILE)
                        acts as --user in --domain; nothing is read from standard input
  --json                print the report as JSON only
Exit status: 0 verified, 1 failed, 2 inconclusive, 64 bad usage.`;

/** DESIGN §4, plus the sysexits codes for a bad configuration and a crash. */
export const EXIT = { verified: 0, failed: 1, inconclusive: 2, usage: 64, software: 70, config: 78 } as const;

function usageError(message: string): number {
  process.stderr.write(`${message}\n\n${USAGE}\n`);
  return EXIT.usage;
}

/** The first line of standard input; typed without echo when it is a terminal. */
async function readSecretFromStdin(): Promise<string> {
  const input = process.stdin;
  if (input.isTTY) {
    process.stderr.write("Client secret value (not shown as you type): ");
    const muted = new Writable({ write: (_chunk, _enc, done) => done() });
    const rl = createInterface({ input, output: muted, terminal: true });
    const line = await new Promise<string>((resolve) => rl.once("line", resolve));
    rl.close();
    process.stderr.write("\n");
    return line;
  }
  const chunks: Buffer[] = [];
  for await (const chunk of input) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8").split(/\r?\n/)[0] ?? "";
}

export async function run(args: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      strict: true,
      allowPositionals: false,
      options: {
        tenant: { type: "string" },
        client: { type: "string" },
        mailbox: { type: "string" },
        expires: { type: "string" },
        method: { type: "string", default: "client-secret" },
        certificate: { type: "string" },
        "no-send": { type: "boolean", default: false },
        "access-scope": { type: "string" },
        "scope-outside": { type: "string" },
        provider: { type: "string", default: "microsoft" },
        domain: { type: "string" },
        user: { type: "string" },
        json: { type: "boolean", default: false },
        help: { type: "boolean", short: "h", default: false },
      },
    });
  } catch (error) {
    return usageError(error instanceof Error ? error.message : String(error));
  }
  const o = parsed.values;
  if (o.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (o.provider !== "microsoft" && o.provider !== "google") return usageError("--provider must be microsoft or google");
  if (o.provider === "google") return runGoogle(o);
  if (o.domain || o.user) return usageError("--domain and --user need --provider google");
  const missing = (["tenant", "client", "mailbox"] as const).filter((name) => !o[name]?.trim());
  if (missing.length) return usageError(`Missing ${missing.map((m) => `--${m}`).join(", ")}`);
  const accessScope = o["access-scope"];
  if (accessScope !== undefined && !(ACCESS_SCOPES as readonly string[]).includes(accessScope)) {
    return usageError(`--access-scope must be one of ${ACCESS_SCOPES.join(", ")}`);
  }

  if (o.method !== "client-secret" && o.method !== "certificate") return usageError("--method must be client-secret or certificate");
  if (o.method === "certificate" && !o.certificate?.trim()) return usageError("Missing --certificate <file> for --method certificate");
  if (o.method === "client-secret" && o.certificate) return usageError("--certificate needs --method certificate");
  if (o.method === "certificate" && o.expires) return usageError("--expires is read from the certificate with --method certificate");

  let certificate: ClientCertificate | undefined;
  if (o.method === "certificate") {
    try {
      certificate = clientCertificateFromPem(readFileSync(o.certificate!, "utf8"));
    } catch (error) {
      const why = error instanceof CertificateFileError ? error.message : "the file could not be read";
      return usageError(`--certificate ${o.certificate}: ${why}`);
    }
  }

  const config = parseEnv();
  if (!config.ok) {
    process.stderr.write(`${config.errors.map((e) => `Configuration error: ${e}`).join("\n")}\n`);
    return EXIT.config;
  }

  // A per-invocation input like the arguments, not configuration, hence read here (empty counts as unset).
  const secret = certificate ? "" : (process.env.VERIFY_CLIENT_SECRET || (await readSecretFromStdin())).trim();
  if (!certificate && !secret) return usageError("No client secret value: pipe it on standard input or set VERIFY_CLIENT_SECRET");

  // Logs go to standard error so that standard output holds only the report.
  const logger = createLogger(process.stderr);
  logger.level = env().LOG_LEVEL === "info" ? "warn" : env().LOG_LEVEL;
  let report;
  try {
    report = await runVerification(
      {
        tenantId: o.tenant!,
        clientId: o.client!,
        ...(certificate ? { clientCertificate: certificate } : { clientSecret: secret }),
        testMailbox: o.mailbox!,
        secretExpiresOn: o.expires,
        sendTestMessage: !o["no-send"],
        accessScope: accessScope as AccessScope | undefined,
        outsideMailbox: o["scope-outside"],
      },
      { logger },
    );
  } catch (error) {
    // Never print the error's message: it could quote the values it was given.
    process.stderr.write(`The checks could not run (${error instanceof Error ? error.name : "error"}).\n`);
    return EXIT.software;
  }
  process.stdout.write(o.json ? `${JSON.stringify(report, null, 2)}\n` : formatReport(report, `${env().APP_URL}/guide`));
  return EXIT[report.outcome];
}

/** `--provider google`: domain-wide delegation to the vendor's service account (DESIGN §10). */
async function runGoogle(o: { domain?: string; user?: string; tenant?: string; client?: string; mailbox?: string; certificate?: string; expires?: string; "no-send": boolean; json: boolean }): Promise<number> {
  const stray = (["tenant", "client", "mailbox", "certificate", "expires"] as const).filter((name) => o[name] !== undefined);
  if (stray.length) return usageError(`${stray.map((m) => `--${m}`).join(", ")} do not apply with --provider google`);
  const missing = (["domain", "user"] as const).filter((name) => !o[name]?.trim());
  if (missing.length) return usageError(`Missing ${missing.map((m) => `--${m}`).join(", ")}`);
  const config = parseEnv();
  if (!config.ok) {
    process.stderr.write(`${config.errors.map((e) => `Configuration error: ${e}`).join("\n")}\n`);
    return EXIT.config;
  }
  if (!config.env.GOOGLE_SERVICE_ACCOUNT_KEY_FILE) {
    process.stderr.write("Configuration error: GOOGLE_SERVICE_ACCOUNT_KEY_FILE is not set: the Google Workspace path needs the vendor's service account key\n");
    return EXIT.config;
  }
  const logger = createLogger(process.stderr);
  logger.level = env().LOG_LEVEL === "info" ? "warn" : env().LOG_LEVEL;
  let report;
  try {
    report = await runGoogleVerification({ domain: o.domain!, testUser: o.user!, sendTestMessage: !o["no-send"] }, { logger });
  } catch (error) {
    process.stderr.write(`The checks could not run (${error instanceof Error ? error.name : "error"}).\n`);
    return EXIT.software;
  }
  process.stdout.write(o.json ? `${JSON.stringify(report, null, 2)}\n` : formatReport(report, `${env().APP_URL}/guide/google-workspace`));
  return EXIT[report.outcome];
}
