"use server";

import { callAction, formAction } from "@/lib/actions/action";
import { checkCredentialsEarly } from "@/lib/submissions/early-check";
import { submitCredentials } from "@/lib/submissions/submit";
import { lookupTenantForMailbox } from "@/lib/submissions/tenant-lookup";

/** Send the form: one attempt, then its live status page. */
export const submitCredentialsAction = formAction(submitCredentials);

/** "Check these credentials", before the whole form is sent. */
export const checkCredentialsAction = callAction(checkCredentialsEarly);

/** The tenant of the test mailbox's domain, to offer as the Tenant ID. */
export const lookupTenantAction = callAction(lookupTenantForMailbox);
