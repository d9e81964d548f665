import { REQUIRED_PERMISSION_NAMES } from "../microsoft/permissions";
import { guideSectionLabel } from "./steps";

/**
 * The "send these steps to my Global Administrator" link: a mailto that says which app
 * (its name, and its client ID where we know it), the exact clicks of the consent step,
 * and the guide's address for the pictures. Never a secret: a client ID is no secret.
 */
export function globalAdminMailto(options: { productName: string; guideUrl: string; appName: string; clientId?: string }): string {
  const { productName, guideUrl, appName, clientId } = options;
  const step = guideSectionLabel("grant-consent")!;
  const subject = `Please grant admin consent for the ${appName} app`;
  const body = [
    "Hello,",
    "",
    `We are connecting our Microsoft 365 to ${productName}. Our app registration needs admin consent for three Microsoft Graph application permissions: ${REQUIRED_PERMISSION_NAMES.join(", ")}. Only a Global Administrator or a Privileged Role Administrator can grant it.`,
    "",
    `The app: ${appName}`,
    clientId ? `Application (client) ID: ${clientId}` : "Application (client) ID: (on the app's Overview page; I add it here)",
    "",
    `${step}:`,
    "1. Sign in to the Microsoft Entra admin center, https://entra.microsoft.com",
    `2. Open Entra ID, then App registrations, then All applications, and select ${appName}${clientId ? ` (search for ${clientId})` : ""}.`,
    "3. Select API permissions.",
    "4. Select Grant admin consent for, followed by our organisation's name, then Yes.",
    "5. Check the Status column shows Granted for our organisation against all three permissions.",
    "",
    `The same step, with a drawing of each screen: ${guideUrl}#grant-consent`,
    "",
    "Thank you",
  ].join("\n");
  return `mailto:?subject=${encodeURIComponent(subject)}&body=${encodeURIComponent(body)}`;
}
