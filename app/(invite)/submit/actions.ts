"use server";

import { callAction, formAction } from "@/lib/actions/action";
import { checkCredentialsEarly } from "@/lib/submissions/early-check";
import { issueCertificate } from "@/lib/submissions/issue-certificate";
import { submitCredentials } from "@/lib/submissions/submit";
import { submitCertificateCredentials } from "@/lib/submissions/submit-certificate";
import { submitGoogleWorkspace } from "@/lib/submissions/submit-google";
import { lookupTenantForMailbox } from "@/lib/submissions/tenant-lookup";

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

/** Google Workspace's form: the domain and a test user; the vendor's service account signs in. */
export const submitGoogleWorkspaceAction = formAction(submitGoogleWorkspace);
