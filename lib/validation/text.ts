import { z } from "zod";

/** Checks on pasted text that every field shares. */

/**
 * Control characters (C0, DEL, C1) and invisible format characters such as
 * zero-width spaces, and the Unicode line and paragraph separators, which arrive with
 * text copied from web pages and chat.
 */
const HIDDEN = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/u;

export function hasHiddenCharacters(value: string): boolean {
  return HIDDEN.test(value);
}

/**
 * The one rule for text a person types into a field, shared by the credential form and
 * every staff and onboarding form: names and labels are one line (no line breaks, tabs,
 * control or invisible characters); free text such as a note may break lines and
 * nothing else hidden.
 */
export function hiddenCharactersMessage(label: string): string {
  return `${label} must not contain hidden or control characters: type it or copy it again`;
}

/** One line of text, trimmed, runs of spaces made one: names, labels, reasons. */
export const singleLineText = (label: string, options: { max: number; emptyMessage?: string }) =>
  z
    .string({ message: options.emptyMessage ?? `Enter ${label.toLowerCase()}` })
    .transform((v) => v.trim())
    .pipe(
      z
        .string()
        .min(options.emptyMessage === undefined ? 0 : 1, options.emptyMessage)
        .refine((v) => !hasHiddenCharacters(v), hiddenCharactersMessage(label))
        .transform((v) => v.replace(/ {2,}/g, " "))
        .pipe(z.string().max(options.max, `${label} must be ${options.max} characters or fewer`)),
    );

/** Text that may span lines (notes, messages): line breaks and tabs allowed, other hidden characters not. */
export function hasHiddenCharactersBesideLineBreaks(value: string): boolean {
  return hasHiddenCharacters(value.replace(/[\r\n\t]/g, ""));
}

/** True when trimming would change the value: the form tells the user it did. */
export function hasSurroundingSpace(value: string): boolean {
  return value.length > 0 && value.trim() !== value;
}

/** A date as YYYY-MM-DD in UTC, the form the database stores. */
export function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export function addDays(isoDay: string, days: number): string {
  const date = new Date(`${isoDay}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return isoDate(date);
}

export function addMonths(isoDay: string, months: number): string {
  const date = new Date(`${isoDay}T00:00:00Z`);
  date.setUTCMonth(date.getUTCMonth() + months);
  return isoDate(date);
}
