/**
 * The two choices the setup-script form offers, validated the same way in the
 * browser and in tests. Plain functions (no zod) keep the page's JavaScript small.
 */

/** The lifetimes the admin center offers for a client secret, in months; 24 is its longest. */
export const SECRET_LIFETIME_MONTHS = [3, 6, 12, 18, 24] as const;
export type SecretLifetimeMonths = (typeof SECRET_LIFETIME_MONTHS)[number];
export const DEFAULT_SECRET_LIFETIME_MONTHS: SecretLifetimeMonths = 24;

export const APP_NAME_MAX_LENGTH = 120;

export type ScriptOptions = {
  appName: string;
  secretDescription: string;
  secretMonths: SecretLifetimeMonths;
  productName: string;
  /** Where the guide lives, named in the script's header comment. */
  guideUrl: string;
};

export type AppNameResult = { ok: true; value: string } | { ok: false; message: string };

// Line breaks, tabs and other control characters have no place in a display name.
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;

/** Trims, then checks; every other character is allowed because the scripts quote it. */
export function parseAppName(raw: string): AppNameResult {
  const value = raw.trim();
  if (value === "") return { ok: false, message: "Enter a name for the app" };
  if (CONTROL_CHARACTERS.test(value)) {
    return { ok: false, message: "App name must be on one line, without tabs or other control characters" };
  }
  if ([...value].length > APP_NAME_MAX_LENGTH) {
    return { ok: false, message: `App name must be ${APP_NAME_MAX_LENGTH} characters or fewer` };
  }
  return { ok: true, value };
}

export function isSecretLifetime(value: number): value is SecretLifetimeMonths {
  return (SECRET_LIFETIME_MONTHS as readonly number[]).includes(value);
}

export function secretLifetimeLabel(months: SecretLifetimeMonths): string {
  const days: Record<SecretLifetimeMonths, number> = { 3: 90, 6: 180, 12: 365, 18: 545, 24: 730 };
  return `${months} months (${days[months]} days)`;
}
