import { domainToASCII } from "node:url";
import { z } from "zod";
import { emailAddress, personName } from "../validation/people";
import { singleLineText } from "../validation/text";
import { DEFAULT_INVITE_DAYS, INVITE_DAY_CHOICES } from "./invite-days";

/**
 * Validation for the onboarding team's forms and the CSV import, with GOV.UK-style
 * messages. Values are normalised before they are checked: surrounding spaces,
 * a pasted "https://" or "@", and capitals in addresses are harmless.
 */


export function normaliseDomain(value: string): string {
  let v = value.trim().toLowerCase();
  v = v.replace(/^[a-z]+:\/\//, "").replace(/^@/, "").replace(/\/.*$/, "").replace(/^www\./, "").replace(/\.$/, "");
  return domainToASCII(v) || v;
}

const DOMAIN = /^(?=.{4,253}$)(?:(?!-)[a-z0-9-]{1,63}(?<!-)\.)+(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})$/;

export const isValidDomain = (value: string) => DOMAIN.test(value);

export const brokerageName = singleLineText("Brokerage name", { max: 200, emptyMessage: "Enter the brokerage's name" });

export const emailDomain = z
  .string({ message: "Enter the brokerage's email domain" })
  .transform(normaliseDomain)
  .pipe(
    z
      .string()
      .min(1, "Enter the brokerage's email domain, like harborrealty.com")
      .refine(isValidDomain, "Enter an email domain in the correct format, like harborrealty.com"),
  );

/** A CSM picked from the list: an id, or empty for nobody. */
export const csmChoice = z
  .string()
  .optional()
  .transform((v) => (v && v !== "none" ? v : null));

export const BrokerageSchema = z.object({
  name: brokerageName,
  emailDomain: emailDomain,
  csmId: csmChoice,
});
export type BrokerageInput = z.infer<typeof BrokerageSchema>;

export const UpdateBrokerageSchema = BrokerageSchema.extend({ brokerageId: z.uuid("Choose a brokerage") });

export { DEFAULT_INVITE_DAYS, INVITE_DAY_CHOICES };

export const inviteDays = z
  .string({ message: "Choose when the link expires" })
  .transform(Number)
  .pipe(
    z
      .number()
      .refine((n) => (INVITE_DAY_CHOICES as readonly number[]).includes(n), "Choose when the link expires"),
  );

export const InviteSchema = z.object({
  brokerageId: z.uuid("Choose a brokerage"),
  recipientEmail: emailAddress("the recipient's email address"),
  recipientName: personName("the recipient's name", { optional: true }),
  days: inviteDays,
  sendEmail: z
    .string()
    .optional()
    .transform((v) => v === "yes"),
});
export type InviteInput = z.infer<typeof InviteSchema>;

export const InviteIdSchema = z.object({ inviteId: z.uuid("Choose an invite") });
export const ResendInviteSchema = z.object({ inviteId: z.uuid("Choose an invite"), days: inviteDays });
