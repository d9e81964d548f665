import "server-only";
import { branding } from "../branding";
import { env } from "../env";
import { globalAdminMailto } from "../guide/admin-mail";
import { guideLiterals } from "../guide/literals";

/** The consent request for this brokerage's own app: the guide's mail, with the client ID it sent. */
export function consentMailtoFor(clientId: string): string {
  const { productName } = branding();
  return globalAdminMailto({ productName, guideUrl: `${env().APP_URL}/guide`, appName: guideLiterals(productName).appName, clientId });
}
