import { isIP } from "node:net";
import { z } from "zod";

/**
 * The only reader of process.env. Every setting is validated once; a bad value
 * becomes one line naming the variable, never a stack trace (see `formatConfigErrors`).
 * Names are part of the contract: DESIGN §8.
 */

function isHttpUrl(value: string) {
  try {
    return ["https:", "http:"].includes(new URL(value).protocol);
  } catch {
    return false;
  }
}

const httpsUrl = (name: string) =>
  z
    .string()
    .refine(isHttpUrl, `${name} must be an http(s) URL, like https://example.com`)
    .transform((v) => v.replace(/\/+$/, ""));

function isWebhookSecret(value: string) {
  const match = /^whsec_([A-Za-z0-9+/]+={0,2})$/.exec(value);
  const bytes = match ? Buffer.from(match[1]!, "base64").length : 0;
  return bytes >= 24 && bytes <= 64;
}

/** An IP address with an optional port, as node:dns `setServers` takes it: 127.0.0.1:5353, [::1]:53, ::1. */
function isDnsServer(value: string) {
  const port = (p: string | undefined) => p === undefined || (/^\d{1,5}$/.test(p) && Number(p) >= 1 && Number(p) <= 65535);
  const v4 = /^(\d{1,3}(?:\.\d{1,3}){3})(?::(\d+))?$/.exec(value);
  if (v4) return v4[1]!.split(".").every((n) => Number(n) <= 255) && port(v4[2]);
  const bracketed = /^\[([0-9a-f:.]+)\](?::(\d+))?$/i.exec(value);
  if (bracketed) return isIP(bracketed[1]!) === 6 && port(bracketed[2]);
  return isIP(value) === 6;
}

const keyRingEntry = /^[A-Za-z0-9_-]{1,32}:[A-Za-z0-9+/]{43}=$/;

export const EnvSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\/\S+$/, "DATABASE_URL must be a postgres:// connection URL")
    .optional(),
  APP_URL: httpsUrl("APP_URL").default("http://localhost:3000"),
  PORT: z.coerce.number().int("PORT must be a whole number").min(1).max(65535).default(3000),
  CREDENTIALS_KEYS: z
    .string()
    .refine(
      (v) => v.split(",").every((entry) => keyRingEntry.test(entry.trim())),
      "CREDENTIALS_KEYS must be a comma-separated list of id:base64key, each key 32 bytes (44 base64 characters)",
    )
    .optional(),
  MICROSOFT_AUTHORITY_HOST: httpsUrl("MICROSOFT_AUTHORITY_HOST").default("https://login.microsoftonline.com"),
  MICROSOFT_GRAPH_URL: httpsUrl("MICROSOFT_GRAPH_URL").default("https://graph.microsoft.com"),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\/\S+$/, "SMTP_URL must be an smtp:// or smtps:// URL")
    .optional(),
  PRODUCT_NAME: z.string().trim().min(1).max(60).default("MoxiEngage"),
  VENDOR_NAME: z.string().trim().min(1).max(60).default("MoxiWorks"),
  SUPPORT_EMAIL: z.string().email("SUPPORT_EMAIL must be an email address").default("support@example.com"),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  WORKER: z
    .enum(["inline", "off"], { message: "WORKER must be inline (run jobs in the app process) or off" })
    .default("inline"),
  /** Where approval, rotation and revocation events are POSTed (Standard Webhooks); unset: recorded, not sent. */
  WEBHOOK_URL: httpsUrl("WEBHOOK_URL").optional(),
  /** Signing secret, `whsec_` + base64 of 24-64 random bytes (`npm run --silent cli -- webhooks secret`). */
  WEBHOOK_SECRET: z
    .string()
    .refine(isWebhookSecret, "WEBHOOK_SECRET must be whsec_ followed by base64 of 24 to 64 bytes")
    .optional(),
  /** When every active credential is verified again (cron, UTC). */
  REVERIFY_CRON: z
    .string()
    .trim()
    .regex(/^(\S+\s+){4}\S+$/, "REVERIFY_CRON must be a cron expression with five fields, like 0 6 * * *")
    .default("0 6 * * *"),
  /** Signs staff session cookies; derived from CREDENTIALS_KEYS when unset (see lib/auth/secret.ts). */
  BETTER_AUTH_SECRET: z.string().min(32, "BETTER_AUTH_SECRET must be at least 32 characters").optional(),
  /** Where alerts about brokerages without a (working) CSM go; unset: every active staff administrator. */
  TEAM_ALERTS_EMAIL: z.string().trim().email("TEAM_ALERTS_EMAIL must be an email address, like csm-team@example.com").optional(),
  /** The From header of outgoing mail. */
  EMAIL_FROM: z.string().trim().min(3).max(200).optional(),
  /** Days after an invite was sent before its recipient is reminded (if not opened, or opened and not submitted). */
  REMINDER_AFTER_DAYS: z.coerce
    .number()
    .int("REMINDER_AFTER_DAYS must be a whole number of days")
    .min(1, "REMINDER_AFTER_DAYS must be at least 1")
    .max(60, "REMINDER_AFTER_DAYS must be at most 60")
    .default(3),
  /** Seconds a stopping process gives running jobs to finish before it hands them back to the queue. */
  SHUTDOWN_GRACE_SECONDS: z.coerce
    .number()
    .int("SHUTDOWN_GRACE_SECONDS must be a whole number of seconds")
    .min(1, "SHUTDOWN_GRACE_SECONDS must be at least 1")
    .max(600, "SHUTDOWN_GRACE_SECONDS must be at most 600")
    .default(20),
  /** Minutes between an inconclusive run and its automatic retries, one entry per retry: `2,10,30,120`. */
  VERIFICATION_RETRY_MINUTES: z
    .string()
    .trim()
    .regex(/^\d{1,4}(\s*,\s*\d{1,4}){0,9}$/, "VERIFICATION_RETRY_MINUTES must be up to 10 comma-separated whole minutes, like 2,10,30,120")
    .default("2,10,30,120"),
  /** Where alerts about brokerages with no (active) customer-success manager go; unset: they wait in the outbox. */
  /** Resolvers for provider detection (MX records), `host:port,...`; the system's when unset. */
  DNS_SERVERS: z
    .string()
    .transform((v) => v.split(",").map((entry) => entry.trim()).filter(Boolean))
    .refine(
      (servers) => servers.length > 0 && servers.every(isDnsServer),
      "DNS_SERVERS must be a comma-separated list of IP addresses with optional ports, like 127.0.0.1:5353,[::1]:53",
    )
    .optional(),
  /** Microsoft Entra ID sign-in for staff: all three set turns it on. */
  STAFF_SSO_MICROSOFT_CLIENT_ID: z.string().trim().min(1).optional(),
  STAFF_SSO_MICROSOFT_CLIENT_SECRET: z.string().min(1).optional(),
  STAFF_SSO_MICROSOFT_TENANT_ID: z
    .string()
    .trim()
    .refine(
      (v) => !["common", "organizations", "consumers"].includes(v.toLowerCase()),
      "STAFF_SSO_MICROSOFT_TENANT_ID must be your own tenant's ID or domain, not a multi-tenant endpoint",
    )
    .optional(),
});

/** Rules across settings: Microsoft sign-in for staff needs all three of its settings or none. */
const EnvWithRules = EnvSchema.superRefine((e, ctx) => {
  const sso = ["STAFF_SSO_MICROSOFT_CLIENT_ID", "STAFF_SSO_MICROSOFT_CLIENT_SECRET", "STAFF_SSO_MICROSOFT_TENANT_ID"] as const;
  const set = sso.filter((name) => e[name] !== undefined);
  if (set.length > 0 && set.length < sso.length) {
    for (const name of sso.filter((n) => e[n] === undefined)) {
      ctx.addIssue({ code: "custom", path: [name], message: `${name} must be set too: Microsoft sign-in for staff needs all of ${sso.join(", ")}` });
    }
  }
});

export type Env = z.infer<typeof EnvSchema>;

export type EnvResult = { ok: true; env: Env } | { ok: false; errors: string[] };

/** Empty strings count as unset, as in most shells' `VAR= cmd`. */
function withoutEmpty(source: Record<string, string | undefined>) {
  return Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ""));
}

export function parseEnv(source: Record<string, string | undefined> = process.env): EnvResult {
  const result = EnvWithRules.safeParse(withoutEmpty(source));
  if (result.success) return { ok: true, env: result.data };
  return { ok: false, errors: formatConfigErrors(result.error) };
}

/** One line per bad variable: the first problem zod found with it. */
export function formatConfigErrors(error: z.ZodError): string[] {
  const byName = new Map<string, string>();
  for (const issue of error.issues) {
    const name = String(issue.path[0] ?? "configuration");
    // Messages above already name the variable; zod's generic ones get the name added.
    if (!byName.has(name)) byName.set(name, issue.message.includes(name) ? issue.message : `${name}: ${issue.message}`);
  }
  return [...byName.values()];
}

let cached: Env | undefined;

/** Validated settings; throws once with every problem listed if the environment is bad. */
export function env(): Env {
  if (cached) return cached;
  const result = parseEnv();
  if (!result.ok) throw new Error(`Invalid configuration:\n${result.errors.join("\n")}`);
  cached = result.env;
  return cached;
}

/** For tests that change process.env between cases. */
export function resetEnvCache() {
  cached = undefined;
}
