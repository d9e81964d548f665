import { z } from "zod";

/**
 * A person's name and email address as the staff and onboarding forms ask for them,
 * with GOV.UK-style messages naming the field (`what`). Surrounding spaces and
 * capitals in addresses are harmless, so they are normalised before the check.
 */

const CONTROL = /[\u0000-\u001f\u007f]/;

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

export const personName = (what: string, options: { optional?: boolean } = {}) =>
  z
    .string()
    .optional()
    .transform((v) => (v ?? "").trim().replace(/\s+/g, " "))
    .pipe(
      z
        .string()
        .min(options.optional ? 0 : 1, `Enter ${what}`)
        .max(200, `${what[0]!.toUpperCase()}${what.slice(1)} must be 200 characters or fewer`)
        .refine((v) => !CONTROL.test(v), `${what[0]!.toUpperCase()}${what.slice(1)} must not contain control characters`),
    );
