import { z } from "zod";
import {
  guidProblem,
  isIsoDate,
  looksLikeSecretId,
  mailboxProblem,
  SECRET_VALUE_LENGTH,
  secretValueProblem,
  tidyIdentifier,
  type SecretValueProblem,
} from "./credential-rules";
import { ACCESS_SCOPES } from "./access-scope";
import { GUID_EXAMPLE } from "./guid";
import { MAILBOX_MAX_LENGTH } from "./mailbox";
import { hasHiddenCharacters, hiddenCharactersMessage, isoDate } from "./text";

/**
 * The credential form's one schema, used by react-hook-form in the browser and again
 * by the server action. It normalises what people paste (case, braces, surrounding
 * spaces) and answers each mistake this domain invites with words that fix it. What is
 * well-formed is decided in ./credential-rules, shared with the verification run.
 */

/** Field ids are predictable so the error summary can link to them (`#tenant-id`). */
export const FIELD_IDS = {
  tenantId: "tenant-id",
  clientId: "client-id",
  clientSecret: "client-secret",
  "expiry.day": "secret-expiry-day",
  "expiry.month": "secret-expiry-month",
  "expiry.year": "secret-expiry-year",
  testMailbox: "test-mailbox",
  sendTestMessage: "send-test-message",
  accessScope: "access-scope",
  outsideMailbox: "outside-mailbox",
  submitterName: "submitter-name",
  submitterEmail: "submitter-email",
  submitterPhone: "submitter-phone",
} as const;
export type FieldName = keyof typeof FIELD_IDS;

export const SECRET_ID_MESSAGE = "This is the Secret ID: copy the Value";
export const SECRET_VALUE_GUIDE = "/guide#copy-secret-value";

const LIMITS = { name: 100, phone: 30 };

type Ctx = z.RefinementCtx;
const fail = (ctx: Ctx, message: string) => {
  ctx.addIssue({ code: "custom", message });
  return z.NEVER;
};

/** Trims, then refuses hidden characters; undefined means an issue was added. */
function cleaned(raw: string, label: string, ctx: Ctx): string | undefined {
  const value = raw.trim();
  if (hasHiddenCharacters(value)) {
    fail(ctx, hiddenCharactersMessage(label));
    return undefined;
  }
  return value;
}

const guidField = (label: string, emptyMessage: string) =>
  z.string().transform((raw, ctx) => {
    const value = cleaned(raw, label, ctx);
    if (value === undefined) return z.NEVER;
    const tidied = tidyIdentifier(value);
    const problem = guidProblem(tidied);
    if (problem === "empty") return fail(ctx, emptyMessage);
    return problem ? fail(ctx, `${label} must be a GUID, like ${GUID_EXAMPLE}`) : tidied;
  });

const SECRET_MESSAGES: Record<SecretValueProblem, string> = {
  empty: "Enter the client secret value",
  spaces: "Client secret value must not contain spaces: copy the Value again",
  "too-long": `Client secret value must be ${SECRET_VALUE_LENGTH.max} characters or fewer: copy only the Value`,
  "too-short": `Client secret value must be at least ${SECRET_VALUE_LENGTH.min} characters: copy the whole Value`,
};

const secretField = z.string().transform((raw, ctx) => {
  const value = cleaned(raw, "Client secret value", ctx);
  if (value === undefined) return z.NEVER;
  // The run lets a Secret ID through to the token check, which explains it; the form stops it here.
  if (looksLikeSecretId(value)) return fail(ctx, SECRET_ID_MESSAGE);
  const problem = secretValueProblem(value);
  return problem ? fail(ctx, SECRET_MESSAGES[problem]) : value;
});

const emailField = (label: string, emptyMessage: string, formatMessage: string) =>
  z.string().transform((raw, ctx) => {
    const value = cleaned(raw, label, ctx);
    if (value === undefined) return z.NEVER;
    const problem = mailboxProblem(value);
    if (problem === "empty") return fail(ctx, emptyMessage);
    if (problem === "too-long") return fail(ctx, `${label} must be ${MAILBOX_MAX_LENGTH} characters or fewer`);
    return problem ? fail(ctx, formatMessage) : value.toLowerCase();
  });

const nameField = z.string().transform((raw, ctx) => {
  const value = cleaned(raw, "Full name", ctx);
  if (value === undefined) return z.NEVER;
  if (!value) return fail(ctx, "Enter your full name");
  if (value.length > LIMITS.name) return fail(ctx, `Full name must be ${LIMITS.name} characters or fewer`);
  return value.replace(/\s+/g, " ");
});

const phoneField = z.string().transform((raw, ctx) => {
  const value = cleaned(raw, "Phone number", ctx);
  if (value === undefined) return z.NEVER;
  if (!value) return null;
  if (value.length > LIMITS.phone) return fail(ctx, `Phone number must be ${LIMITS.phone} characters or fewer`);
  const digits = value.replace(/\D/g, "").length;
  if (!/^\+?[\d\s().-]+$/.test(value) || digits < 7 || digits > 15) {
    return fail(ctx, "Enter a phone number, like 206 555 0100 or +1 206 555 0100");
  }
  return value.replace(/\s+/g, " ");
});

const DATE_LABEL = "The date the secret expires";

/** The GOV.UK date input: day, month and year boxes, each error on the box to fix. */
const expiryField = z
  .object({ day: z.string(), month: z.string(), year: z.string() })
  .transform((parts, ctx) => {
    const day = parts.day.trim();
    const month = parts.month.trim();
    const year = parts.year.trim();
    const issue = (part: "day" | "month" | "year", message: string) => {
      ctx.addIssue({ code: "custom", message, path: [part] });
      return z.NEVER;
    };
    if (!day && !month && !year) return issue("day", "Enter the date the client secret expires");
    if (!day) return issue("day", `${DATE_LABEL} must include a day`);
    if (!month) return issue("month", `${DATE_LABEL} must include a month`);
    if (!year) return issue("year", `${DATE_LABEL} must include a year`);
    if (!/^\d{1,2}$/.test(day)) return issue("day", `${DATE_LABEL} must be a real date`);
    if (!/^\d{1,2}$/.test(month)) return issue("month", `${DATE_LABEL} must be a real date`);
    if (!/^\d{4}$/.test(year)) return issue("year", "Year must include 4 numbers");
    const iso = `${year}-${month.padStart(2, "0")}-${day.padStart(2, "0")}`;
    if (!isIsoDate(iso)) {
      const wrongMonth = Number(month) < 1 || Number(month) > 12;
      return issue(wrongMonth ? "month" : "day", `${DATE_LABEL} must be a real date`);
    }
    // A secret that expires today stops working today: the date must be after it.
    if (iso <= isoDate(new Date())) return issue("day", `${DATE_LABEL} must be in the future`);
    return iso;
  });

const fields = {
  tenantId: guidField("Tenant ID", "Enter the Tenant ID"),
  clientId: guidField("Client ID", "Enter the Client ID"),
  clientSecret: secretField,
  expiry: expiryField,
  testMailbox: emailField(
    "Test mailbox",
    "Enter the email address of the test mailbox",
    "Enter the test mailbox in the correct format, like agent@yourbrokerage.com",
  ),
  sendTestMessage: z.boolean(),
  accessScope: z.enum(ACCESS_SCOPES, { error: "Choose which mailboxes the app may reach" }).default("organization"),
  outsideMailbox: z.string().default("").transform((raw, ctx) => {
    const value = cleaned(raw, "Mailbox outside the group", ctx);
    if (value === undefined) return z.NEVER;
    if (!value) return null;
    const problem = mailboxProblem(value);
    if (problem === "too-long") return fail(ctx, `Mailbox outside the group must be ${MAILBOX_MAX_LENGTH} characters or fewer`);
    return problem ? fail(ctx, "Enter the mailbox outside the group in the correct format, like frontdesk@yourbrokerage.com") : value.toLowerCase();
  }),
  submitterName: nameField,
  submitterEmail: emailField(
    "Your email address",
    "Enter your email address",
    "Enter an email address in the correct format, like name@example.com",
  ),
  submitterPhone: phoneField,
};

/** An app's Client ID is never its tenant's ID: the same GUID twice is a copy slip. */
function flagSameIds(values: { tenantId: string; clientId: string }, ctx: Ctx) {
  if (values.tenantId === values.clientId) {
    ctx.addIssue({
      code: "custom",
      path: ["clientId"],
      message: "Client ID must not be the same as the Tenant ID: copy the Application (client) ID",
    });
  }
}

/** The mailbox that must stay outside the scope cannot be the test mailbox, which must be inside it. */
function flagOutsideIsTest(values: { accessScope: string; testMailbox: string; outsideMailbox: string | null }, ctx: Ctx) {
  if (values.accessScope === "exchange-rbac" && values.outsideMailbox && values.outsideMailbox === values.testMailbox) {
    ctx.addIssue({ code: "custom", path: ["outsideMailbox"], message: "Mailbox outside the group must not be the test mailbox: the test mailbox must be inside the group" });
  }
}

const BaseSchema = z.object(fields);

export const SubmissionSchema = BaseSchema.superRefine(flagSameIds, {
  // Runs alongside other fields' errors, as long as both IDs are themselves valid.
  when: (payload) => BaseSchema.pick({ tenantId: true, clientId: true }).safeParse(payload.value).success,
})
  .superRefine(flagOutsideIsTest)
  // The outside mailbox belongs to a limited scope only; with the whole organisation it is not kept.
  .transform(({ expiry, outsideMailbox, ...rest }) => ({ ...rest, outsideMailbox: rest.accessScope === "exchange-rbac" ? outsideMailbox : null, secretExpiresOn: expiry }));

export type SubmissionInput = z.input<typeof SubmissionSchema>;
export type Submission = z.output<typeof SubmissionSchema>;

/**
 * The `certificate` method's form (DESIGN §9): no secret and no expiry date, which is
 * read from the certificate the portal made. Same fields, same words otherwise.
 */
export const CertificateSubmissionSchema = BaseSchema.omit({ clientSecret: true, expiry: true })
  .superRefine(flagSameIds)
  .transform((values) => ({ ...values, credentialMethod: "certificate" as const }));
export type CertificateSubmissionInput = z.input<typeof CertificateSubmissionSchema>;
export type CertificateSubmission = z.output<typeof CertificateSubmissionSchema>;

/** The certificate form's fields in its order. */
export const CERTIFICATE_SUBMISSION_FIELDS = SUBMISSION_FIELDS_WITHOUT_SECRET();

/** The three values the "Check these credentials" action needs, validated the same way. */
export const CredentialsSchema = z
  .object({ tenantId: fields.tenantId, clientId: fields.clientId, clientSecret: fields.clientSecret })
  .superRefine(flagSameIds);
export type Credentials = z.output<typeof CredentialsSchema>;

export const EMPTY_SUBMISSION: SubmissionInput = {
  tenantId: "",
  clientId: "",
  clientSecret: "",
  expiry: { day: "", month: "", year: "" },
  testMailbox: "",
  sendTestMessage: true,
  accessScope: "organization",
  outsideMailbox: "",
  submitterName: "",
  submitterEmail: "",
  submitterPhone: "",
};

export type FieldError = { field: FieldName; id: string; message: string };

/** The form's fields in its order: for `fieldErrors(error, SUBMISSION_FIELDS)` (lib/actions/state.ts). */
export const SUBMISSION_FIELDS = Object.keys(FIELD_IDS) as FieldName[];

function SUBMISSION_FIELDS_WITHOUT_SECRET(): FieldName[] {
  return (Object.keys(FIELD_IDS) as FieldName[]).filter((f) => f !== "clientSecret" && !f.startsWith("expiry."));
}

/** Field errors as the form shows them: in field order, each with the element to link to. */
export function errorList(errors: Partial<Record<string, string>>): FieldError[] {
  return SUBMISSION_FIELDS.filter((name) => errors[name]).map((name) => ({ field: name, id: FIELD_IDS[name], message: errors[name]! }));
}
