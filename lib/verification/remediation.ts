import { branding } from "../branding";
import type { GuideAnchor } from "../guide/steps";
import type { Reason } from "./types";

/**
 * What each reason means and how to fix it, in words for the brokerage's email
 * administrator, with the guide section (/guide#anchor) that walks through the fix.
 */

// The anchors are the guide's own contract; results link to them.
export { GUIDE_ANCHORS, type GuideAnchor } from "../guide/steps";

export type Remediation = { title: string; detail: string; guideAnchor?: GuideAnchor };

function catalog(product: string): Record<Reason, Remediation> {
  return {
    "invalid-input": {
      title: "Some values are not in the right format",
      detail: "Check each value against the app registration's Overview page and enter it again.",
      guideAnchor: "copy-ids",
    },
    "tenant-not-found": {
      title: "Microsoft has no tenant with this ID",
      detail:
        "The tenant ID does not match any Microsoft 365 organisation. Copy the Directory (tenant) ID from the app registration's Overview page.",
      guideAnchor: "copy-ids",
    },
    "tenant-other-cloud": {
      title: "Your tenant is in a separate Microsoft cloud",
      detail: `Your organisation uses a national Microsoft cloud, such as Microsoft 365 for US Government (GCC High or DoD). ${product} connects to the worldwide Microsoft 365 service only: contact us before you go on.`,
      guideAnchor: "before-you-start",
    },
    "mailbox-domain-other-tenant": {
      title: "The test mailbox belongs to another organisation",
      detail: "The test mailbox's domain is not a domain of this tenant. Choose a mailbox of one of your own agents, in the same tenant as the app.",
      guideAnchor: "choose-test-mailbox",
    },
    "app-not-found": {
      title: "Microsoft has no app with this client ID in your tenant",
      detail:
        "Copy the Application (client) ID from the app registration's Overview page (not the Object ID), and check that the app was registered in this tenant.",
      guideAnchor: "copy-ids",
    },
    "service-principal-missing": {
      title: "The app has no enterprise application in your tenant",
      detail:
        "The app registration exists, but Microsoft found no enterprise application (service principal) for it in your tenant, so it cannot sign in. This happens when a setup script stopped right after creating the app, or when the enterprise application was deleted. Run the setup script again (it finishes the app it created), or open the app registration's Overview page and select the link under Managed application in local directory to create it.",
      guideAnchor: "troubleshooting",
    },
    "tenant-inactive": {
      title: "Your tenant cannot use Microsoft Graph",
      detail:
        "Microsoft refuses tokens for Microsoft Graph in your tenant: its subscription may have lapsed, Microsoft Graph may have been turned off there, or Microsoft may have suspended or deleted the tenant. Check in the Microsoft 365 admin center, under Billing, that your subscription is active; if it is, contact Microsoft support with the code shown.",
      guideAnchor: "troubleshooting",
    },
    "exchange-not-provisioned": {
      title: "Your tenant has no Exchange Online",
      detail:
        "Microsoft Graph reports that your organisation has no Exchange Online, so there are no mailboxes for the sync to use. The sync needs a Microsoft 365 plan that includes Exchange Online mailboxes. If the plan was bought in the last few hours, Exchange may still be setting up: check again later.",
      guideAnchor: "before-you-start",
    },
    "secret-is-secret-id": {
      title: "The secret ID was entered instead of the secret value",
      detail:
        "What you entered is the Secret ID. The sync needs the Value, which the Entra admin center shows only once, right after the secret is created. If you did not copy it then, create a new secret and copy its Value.",
      guideAnchor: "copy-secret-value",
    },
    "secret-invalid": {
      title: "Microsoft did not accept the client secret",
      detail:
        "The secret value does not match any secret of this app: it may be mistyped, incomplete, or from another app. A secret created in the last minute or two can also be refused while Microsoft copies it to all its servers: if you have only just created it, check again in a minute. Otherwise create a new client secret and copy its Value straight away.",
      guideAnchor: "create-secret",
    },
    "secret-expired": {
      title: "The client secret has expired",
      detail: "Microsoft reports that this secret has expired. Create a new client secret, copy its Value, and submit it with its new expiry date.",
      guideAnchor: "create-secret",
    },
    "certificate-not-uploaded": {
      title: "Microsoft did not find this certificate on the app",
      detail: `The app registration has no certificate matching the one ${product} made for you, or it holds another one. Download the certificate from your submission page and upload it on the app's Certificates & secrets page, under Certificates. A certificate uploaded in the last minute or two can be refused while Microsoft copies it to all its servers: if you have only just uploaded it, check again in a minute.`,
      guideAnchor: "upload-certificate",
    },
    "vendor-app-not-consented": {
      title: `Your tenant has not granted admin consent to ${product}`,
      detail: `Microsoft found no enterprise application for ${product} in your tenant: admin consent was never granted, or it was removed, or the enterprise application was deleted. A Global Administrator or Privileged Role Administrator connects again with "Connect with Microsoft" on your submission page and accepts the permissions.`,
      guideAnchor: "grant-consent",
    },
    "vendor-app-disabled": {
      title: `${product} is disabled in your tenant`,
      detail: `In the Microsoft Entra admin center, open Enterprise applications, select ${product}, then Properties, and set "Enabled for users to sign in?" to Yes.`,
      guideAnchor: "troubleshooting",
    },
    "certificate-expired": {
      title: "The certificate has expired",
      detail: `Microsoft reports that the certificate is outside its validity period. Ask for a new certificate on your submission page, upload it on the app's Certificates & secrets page, under Certificates, and submit again.`,
      guideAnchor: "upload-certificate",
    },
    "app-disabled": {
      title: "The app is disabled in your tenant",
      detail:
        "Microsoft refuses sign-ins for this app in your tenant because it is disabled. In the Entra admin center, open Enterprise applications, find the app by its client ID, check that it is there, and set Enabled for users to sign in to Yes.",
      guideAnchor: "troubleshooting",
    },
    "conditional-access-blocked": {
      title: "A Conditional Access policy blocks the app",
      detail:
        "One of your organisation's Conditional Access policies for workload identities does not allow this app to get a token. Exclude the app from that policy, or allow the locations the sync connects from.",
      guideAnchor: "troubleshooting",
    },
    "consent-missing": {
      title: "Admin consent has not been granted",
      detail:
        "The app signed in but holds no application permissions. On the app's API permissions page, select Grant admin consent. If consent was already granted, check that each of the three permissions shows the type Application: permissions added as Delegated give this same result. Consent can take a few minutes to reach Microsoft's sign-in service, so if you granted it just now, check again in a few minutes rather than starting over.",
      guideAnchor: "grant-consent",
    },
    "permission-missing": {
      title: "Some permissions are missing",
      detail:
        "Add the missing Microsoft Graph application permissions (not delegated permissions) on the app's API permissions page, then select Grant admin consent.",
      guideAnchor: "add-permissions",
    },
    "permission-excess": {
      title: "The app has more permissions than the sync needs",
      detail: "This works, but the app can do more than necessary. Remove the permissions the sync does not use, listed here.",
      guideAnchor: "add-permissions",
    },
    "mailbox-not-found": {
      title: "Microsoft found no mailbox at this address",
      detail:
        "Enter the mailbox's sign-in name (its user principal name, shown as Username in the Microsoft 365 admin center), which can differ from the email address people write to, for example when mail uses another domain or an alias. Check the spelling too, and that the user belongs to this tenant.",
      guideAnchor: "choose-test-mailbox",
    },
    "mailbox-not-enabled": {
      title: "The test mailbox cannot be used by apps",
      detail:
        "Microsoft reports the mailbox as unlicensed, inactive, deleted or hosted on an on-premises Exchange server. If its licence was assigned or it was moved to Exchange Online in the last few hours, Exchange may still be setting it up: wait and check again. Otherwise choose a mailbox in Exchange Online with a licence, such as an agent's.",
      guideAnchor: "choose-test-mailbox",
    },
    "access-policy-denied": {
      title: "Exchange does not let the app use this mailbox",
      detail:
        "The app has the right permissions, but an Exchange application access policy (or an RBAC for Applications scope) leaves this mailbox out. Add the mailbox to the group the policy covers, or choose a mailbox inside it.",
      guideAnchor: "limit-mailbox-access",
    },
    "access-denied": {
      title: "Microsoft refused access to the mailbox",
      detail:
        "Microsoft denied the request although the app holds the permission it needs. If the permissions, the mailbox or an Exchange policy were changed in the last hour, Exchange may not have caught up yet: check again later. If it keeps happening, check the mailbox's settings, or contact us with the code shown.",
      guideAnchor: "troubleshooting",
    },
    "cleanup-failed": {
      title: "A test item could not be deleted",
      detail: `The check worked, but ${product} could not delete the test item it created. You can delete it by hand: it is named "${product} connection test".`,
      guideAnchor: "troubleshooting",
    },
    "secret-expiring-soon": {
      title: "The client secret expires soon",
      detail: "The sync will stop when the secret expires. Create a new secret with a later expiry and submit it now.",
      guideAnchor: "create-secret",
    },
    "secret-expiry-past": {
      title: "The expiry date has passed",
      detail: "The date you entered is in the past. Check the Expires column on the app's Certificates & secrets page, or create a new secret.",
      guideAnchor: "create-secret",
    },
    "secret-expiry-too-far": {
      title: "The expiry date is further away than the Entra admin center offers",
      detail:
        "The Entra admin center offers secrets of up to 24 months (scripts can set longer ones, unless your organisation's policy caps them). Check the Expires column on the app's Certificates & secrets page for a typo.",
      guideAnchor: "create-secret",
    },
    throttled: {
      title: "Microsoft asked us to slow down",
      detail: "Microsoft is limiting requests for this mailbox right now. Nothing needs fixing on your side: running the checks again later will get an answer.",
    },
    "microsoft-unavailable": {
      title: "Microsoft did not answer",
      detail: "Microsoft's service was unavailable or too slow to answer. Nothing needs fixing on your side: running the checks again later will get an answer.",
    },
    "scope-not-enforced": {
      title: "The app can reach a mailbox meant to stay outside its scope",
      detail:
        "Exchange let the app into a mailbox outside the group you limited it to. While the app still holds the Graph application permissions with tenant-wide admin consent, the RBAC for Applications scope limits nothing, because Graph grants and Exchange grants add up: remove the tenant-wide consent for Calendars.ReadWrite, Contacts.ReadWrite and Mail.Send (step 8 shows the clicks and the PowerShell). If the consent is already gone, the management scope is wider than the group: check its recipient filter with Test-ServicePrincipalAuthorization. Exchange caches RBAC changes for 30 minutes to 2 hours, so a change made just now shows later.",
      guideAnchor: "limit-mailbox-access",
    },
    unexpected: {
      title: "Microsoft gave an answer we did not expect",
      detail: "We could not tell what went wrong. Try again later; if it happens again, contact us with the code shown.",
      guideAnchor: "troubleshooting",
    },
  };
}

export function remediationFor(reason: Reason): Remediation {
  return catalog(branding().productName)[reason];
}
