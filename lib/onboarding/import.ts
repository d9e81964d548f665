import "server-only";
import { randomUUID } from "node:crypto";
import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import { z } from "zod";
import type { Change } from "../audit/change";
import { UserError } from "../errors";
import { env } from "../env";
import { db } from "../db/client";
import { brokerages, users } from "../db/schema";
import { logger } from "../logger";
import { emailAddress, personName } from "../validation/people";
import { createBrokerage } from "./brokerages";
import { CsvSyntaxError, parseCsv } from "./csv";
import type { ImportReport, ImportRowReport } from "./import-report";
import { issueInvite } from "./invites";
import { brokerageName, DEFAULT_INVITE_DAYS, emailDomain } from "./validation";

/**
 * Bulk onboarding from a CSV file. Each row is its own transaction (brokerage, invite,
 * email and audit together), so a valid row is created even when another is not, and
 * a row that fails half-way leaves nothing behind. Every row gets a line in the report.
 */

export const IMPORT_MAX_ROWS = 1000;
export const IMPORT_MAX_BYTES = 512 * 1024;

const COLUMNS = {
  name: ["brokeragename", "brokerage", "name"],
  emailDomain: ["emaildomain", "domain"],
  recipientEmail: ["recipientemail", "recipient", "email"],
  recipientName: ["recipientname"],
  csmEmail: ["csmemail", "csm"],
} as const;
type Column = keyof typeof COLUMNS;
const REQUIRED: Column[] = ["name", "emailDomain", "recipientEmail"];
const COLUMN_LABELS: Record<Column, string> = {
  name: "brokerage name",
  emailDomain: "email domain",
  recipientEmail: "recipient email",
  recipientName: "recipient name",
  csmEmail: "CSM email",
};

export const CSV_TEMPLATE = "brokerage name,email domain,recipient email,recipient name,CSM email\r\nHarbor Realty,harborrealty.com,it@harborrealty.com,Sam Lee,\r\n";

const RowSchema = z.object({
  name: brokerageName,
  emailDomain: emailDomain,
  recipientEmail: emailAddress("the recipient's email address"),
  recipientName: personName("the recipient's name", { optional: true }),
  csmEmail: z
    .string()
    .optional()
    .transform((v) => (v ?? "").trim().toLowerCase()),
});

const normaliseHeader = (h: string) => h.toLowerCase().replace(/[^a-z]/g, "");

function mapHeader(header: string[]): Record<Column, number | undefined> {
  const normalised = header.map(normaliseHeader);
  const map = {} as Record<Column, number | undefined>;
  for (const column of Object.keys(COLUMNS) as Column[]) {
    const index = normalised.findIndex((h) => (COLUMNS[column] as readonly string[]).includes(h));
    map[column] = index >= 0 ? index : undefined;
  }
  const missing = REQUIRED.filter((c) => map[c] === undefined);
  if (missing.length > 0) {
    throw new UserError(
      `The first row must name the columns. Missing: ${missing.map((c) => COLUMN_LABELS[c]).join(", ")}. Download the template to see the layout.`,
      "file",
    );
  }
  return map;
}

/** Reads and checks the whole file; a problem with the file itself (not a row) is a UserError on the file field. */
export function readImportFile(text: string) {
  let records;
  try {
    records = parseCsv(text);
  } catch (error) {
    if (error instanceof CsvSyntaxError) throw new UserError(`The file is not a valid CSV file: ${error.message}`, "file");
    throw error;
  }
  const [header, ...rows] = records;
  if (!header) throw new UserError("The selected file is empty", "file");
  const map = mapHeader(header.fields);
  if (rows.length === 0) throw new UserError("The file has column names but no rows", "file");
  if (rows.length > IMPORT_MAX_ROWS) throw new UserError(`The file must have ${IMPORT_MAX_ROWS} rows or fewer; split it into smaller files`, "file");
  return rows.map((r) => ({
    line: r.line,
    values: Object.fromEntries((Object.keys(COLUMNS) as Column[]).map((c) => [c, map[c] === undefined ? undefined : (r.fields[map[c]!] ?? "")])),
  }));
}

type RunChange = <T>(fn: (change: Change) => Promise<T>) => Promise<T>;

export async function importBrokerages(runChange: RunChange, text: string, options: { sendEmail: boolean; days?: number }): Promise<ImportReport> {
  const rows = readImportFile(text);
  const parsed = rows.map((row) => ({ line: row.line, values: row.values, result: RowSchema.safeParse(row.values) }));

  // What the database already knows, in two queries rather than one per row.
  const validNames = parsed.flatMap((p) => (p.result.success ? [p.result.data.name.toLowerCase()] : []));
  const existing = new Set(
    validNames.length === 0
      ? []
      : (
          await db()
            .select({ name: sql<string>`lower(${brokerages.name})` })
            .from(brokerages)
            .where(inArray(sql`lower(${brokerages.name})`, validNames))
        ).map((r) => r.name),
  );
  const csmEmails = [...new Set(parsed.flatMap((p) => (p.result.success && p.result.data.csmEmail ? [p.result.data.csmEmail] : [])))];
  const csms = new Map(
    csmEmails.length === 0
      ? []
      : (
          await db()
            .select({ id: users.id, email: users.email })
            .from(users)
            .where(and(inArray(users.email, csmEmails), eq(users.role, "csm"), isNull(users.disabledAt)))
        ).map((u) => [u.email, u.id]),
  );

  const firstLineOfName = new Map<string, number>();
  for (const p of parsed) {
    const key = (p.values.name ?? "").trim().replace(/\s+/g, " ").toLowerCase();
    if (key && !firstLineOfName.has(key)) firstLineOfName.set(key, p.line);
  }

  const report: ImportRowReport[] = [];
  const messageIds: string[] = [];
  for (const p of parsed) {
    const name = (p.values.name ?? "").trim();
    const recipientEmail = (p.values.recipientEmail ?? "").trim();
    const base = { line: p.line, name, recipientEmail };
    const nameKey = name.replace(/\s+/g, " ").toLowerCase();
    const first = firstLineOfName.get(nameKey);
    if (nameKey && first !== undefined && first !== p.line) {
      report.push({ ...base, status: "duplicate", reasons: [`The same brokerage is on line ${first} of this file`] });
      continue;
    }
    if (!p.result.success) {
      const reasons = [...new Set(p.result.error.issues.map((i) => i.message))];
      report.push({ ...base, status: "invalid", reasons });
      continue;
    }
    const row = p.result.data;
    if (existing.has(row.name.toLowerCase())) {
      report.push({ ...base, status: "duplicate", reasons: [`A brokerage called ${row.name} already exists`] });
      continue;
    }
    const csmId = row.csmEmail ? csms.get(row.csmEmail) : null;
    if (csmId === undefined) {
      report.push({ ...base, status: "invalid", reasons: [`${row.csmEmail} is not an active customer-success manager`] });
      continue;
    }
    try {
      const created = await runChange(async (change) => {
        const brokerage = await createBrokerage(change, { name: row.name, emailDomain: row.emailDomain, csmId });
        const invite = await issueInvite(
          change,
          { brokerageId: brokerage.id, recipientEmail: row.recipientEmail, recipientName: row.recipientName || null, days: options.days ?? DEFAULT_INVITE_DAYS, sendEmail: options.sendEmail },
          { action: "invite.created", detail: { source: "csv", line: p.line } },
        );
        return { brokerage, invite };
      });
      if (created.invite.messageId) messageIds.push(created.invite.messageId);
      report.push({
        ...base,
        name: row.name,
        recipientEmail: row.recipientEmail,
        status: "created",
        reasons: [],
        brokerageId: created.brokerage.id,
        // Shown once unless a mail server will deliver it: an outbox message holds the link masked.
        inviteUrl: options.sendEmail && env().SMTP_URL ? undefined : created.invite.url,
      });
    } catch (error) {
      if (error instanceof UserError) {
        report.push({ ...base, status: error.field === "name" ? "duplicate" : "invalid", reasons: [error.message] });
        continue;
      }
      const reference = randomUUID().slice(0, 8);
      logger().error({ err: error, reference, line: p.line }, "a CSV import row failed");
      report.push({ ...base, status: "error", reasons: [`Could not be created, and nothing from this line was saved (reference ${reference})`] });
    }
  }

  const created = report.filter((r) => r.status === "created").length;
  await runChange(async (change) => {
    await change.audit({
      action: "brokerages.imported",
      detail: { rows: report.length, created, notCreated: report.length - created, emailed: options.sendEmail },
    });
  });
  return { rows: report, created, notCreated: report.length - created, emailed: options.sendEmail && Boolean(env().SMTP_URL), messageIds };
}
