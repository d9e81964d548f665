import { REQUIRED_PERMISSION_NAMES } from "../microsoft/permissions";

/**
 * The "send these steps to my Global Administrator" link: a mailto with the guide's
 * address and what to do. It never carries a secret or an ID: only public text.
 */
export function globalAdminMailto(options: { productName: string; guideUrl: string }): string {
  const { productName, guideUrl } = options;
  const subject = `Please grant admin consent for the ${productName} app`;
  const body = [
    "Hello,",
    "",
    `We are connecting our Microsoft 365 to ${productName}. The app registration needs admin consent for three Microsoft Graph application permissions: ${REQUIRED_PERMISSION_NAMES.join(", ")}.`,
    "",
    "Only a Global Administrator or a Privileged Role Administrator can grant this consent. The steps, with pictures of each screen, are here:",
    `${guideUrl}#grant-consent`,
    "",
    `The whole guide starts at ${guideUrl}`,
    "",
    "Thank you",
  ].join("\n");
  return `mailto:?subject=${encodeURIComponent(subject)}&body=${encodeURIComponent(body)}`;
}
