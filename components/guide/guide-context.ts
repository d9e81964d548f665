import type { GuideLiterals } from "@/lib/guide/literals";

/** What every section of the guide needs to know about this build's branding and address. */
export type GuideContext = {
  productName: string;
  vendorName: string;
  supportEmail: string;
  /** Absolute address of the guide, e.g. https://portal.example/guide. */
  guideUrl: string;
  literals: GuideLiterals;
  /** The "send these steps to my Global Administrator" mailto link. */
  adminMailto: string;
};
