import { z } from "zod";
import { singleLineText } from "./text";

/**
 * A person's name and email address as the staff and onboarding forms ask for them,
 * with GOV.UK-style messages naming the field (`what`). Surrounding spaces and
 * capitals in addresses are harmless, so they are normalised before the check.
 */

export const emailAddress = (what: string) =>
  z
    .string({ message: `Enter ${what}` })
    .transform((v) => v.trim().toLowerCase())
    .pipe(
      z
        .string()
        .min(1, `Enter ${what}`)
        .max(254, "Email address must be 254 characters or fewer")
        .pipe(z.email("Enter an email address in the correct format, like name@example.com")),
    );

export const personName = (what: string, options: { optional?: boolean } = {}) => {
  const label = `${what[0]!.toUpperCase()}${what.slice(1)}`;
  return z
    .string()
    .optional()
    .transform((v) => v ?? "")
    .pipe(singleLineText(label, { max: 200, emptyMessage: options.optional ? undefined : `Enter ${what}` }));
};
