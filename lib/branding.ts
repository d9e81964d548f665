import { env } from "./env";

export type Branding = { productName: string; vendorName: string; supportEmail: string };

export function branding(): Branding {
  const e = env();
  return { productName: e.PRODUCT_NAME, vendorName: e.VENDOR_NAME, supportEmail: e.SUPPORT_EMAIL };
}
