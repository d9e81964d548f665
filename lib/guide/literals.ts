/**
 * The literal values the guide suggests typing, derived from the product name
 * (lib/branding) so a rebranded build suggests its own names.
 */
export type GuideLiterals = {
  /** Suggested display name of the app registration. */
  appName: string;
  /** Suggested description of the client secret. */
  secretDescription: string;
};

export function guideLiterals(productName: string): GuideLiterals {
  return { appName: `${productName} sync`, secretDescription: `${productName} access` };
}
