/** How long a new invite link works; plain data, safe for client components. */
export const INVITE_DAY_CHOICES = [3, 7, 14, 30] as const;
export const DEFAULT_INVITE_DAYS = 14;
