import { FIELD_IDS, type FieldName, type Submission, type SubmissionInput } from "./submission";
import { addDays, addMonths, hasSurroundingSpace, isoDate } from "./text";

/**
 * What the form points out without refusing: shown on "Check your answers", so the
 * administrator confirms or changes each one before sending.
 */

export type Warning = { field: FieldName; id: string; message: string };

const TRIMMED: Partial<Record<FieldName, string>> = {
  tenantId: "Tenant ID",
  clientId: "Client ID",
  clientSecret: "client secret value",
  testMailbox: "test mailbox",
  submitterEmail: "email address",
};

/** Mailboxes that are often unlicensed, shared or protected, which makes a poor test. */
const ADMIN_MAILBOXES = new Set(["admin", "administrator", "postmaster", "root"]);

export const EXPIRY_SOON_DAYS = 90;
export const EXPIRY_MAX_MONTHS = 24;

export function submissionWarnings(raw: SubmissionInput, values: Submission, today = isoDate(new Date())): Warning[] {
  const warnings: Warning[] = [];
  const add = (field: FieldName, message: string) => warnings.push({ field, id: FIELD_IDS[field], message });

  for (const [field, label] of Object.entries(TRIMMED) as [FieldName, string][]) {
    const value = raw[field as keyof SubmissionInput];
    if (typeof value === "string" && hasSurroundingSpace(value)) {
      add(field, `We removed spaces from the start or end of the ${label}`);
    }
  }

  if (values.secretExpiresOn < addDays(today, EXPIRY_SOON_DAYS)) {
    const days = Math.round((Date.parse(values.secretExpiresOn) - Date.parse(today)) / 86_400_000);
    add(
      "expiry.day",
      `This secret expires in ${days} ${days === 1 ? "day" : "days"} and the sync stops when it does: a new secret valid for 24 months saves you doing this again soon`,
    );
  } else if (values.secretExpiresOn > addMonths(today, EXPIRY_MAX_MONTHS)) {
    add(
      "expiry.day",
      "This date is more than 24 months away, longer than the admin center offers: check the year is right",
    );
  }

  const localPart = values.testMailbox.split("@")[0] ?? "";
  if (ADMIN_MAILBOXES.has(localPart)) {
    add(
      "testMailbox",
      `Mailboxes like ${localPart}@ are often unlicensed or shared: use an ordinary licensed user's mailbox, such as an agent's`,
    );
  }
  return warnings;
}
