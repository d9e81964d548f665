"use server";

import { callAction, formAction } from "@/lib/actions/action";
import { checkCredentialsEarly } from "@/lib/submissions/early-check";
import { issueCertificate } from "@/lib/submissions/issue-certificate";
import { submitCredentials } from "@/lib/submissions/submit";
import { submitCertificateCredentials } from "@/lib/submissions/submit-certificate";
import { lookupTenantForMailbox } from "@/lib/submissions/tenant-lookup";
import { startVendorConsentAction as startVendorConsent, submitVendorAppCredentials } from "@/lib/submissions/submit-vendor-app";

/** Send the form: one attempt, then its live status page. */
export const submitCredentialsAction = formAction(submitCredentials);

/** "Check these credentials", before the whole form is sent. */
export const checkCredentialsAction = callAction(checkCredentialsEarly);

/** The tenant of the test mailbox's domain, to offer as the Tenant ID. */
export const lookupTenantAction = callAction(lookupTenantForMailbox);

/** The certificate method: make (or replace) the brokerage's certificate. */
export const issueCertificateAction = formAction(issueCertificate);

/** The certificate method's form: no secret, the certificate signs in. */
export const submitCertificateAction = formAction(submitCertificateCredentials);

/** "Connect with Microsoft": a one-time state, then Microsoft's admin-consent page. */
export const startVendorConsentAction = formAction(startVendorConsent);

/** After consent: the test mailbox, then one `vendor-app` attempt and its live status. */
export const submitVendorAppCredentialsAction = formAction(submitVendorAppCredentials);
