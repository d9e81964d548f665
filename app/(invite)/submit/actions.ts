"use server";

import { redirect } from "next/navigation";
import { getBrokerageSession } from "@/lib/auth/require-brokerage-session";
import { requestContext } from "@/lib/http/request-context";
import { checkCredentialsEarly } from "@/lib/submissions/early-check";
import type { CredentialsCheckState, SubmitState, TenantLookupState } from "@/lib/submissions/form-state";
import { submitCredentials } from "@/lib/submissions/submit";
import { lookupTenantForMailbox } from "@/lib/submissions/tenant-lookup";

/** Send the form: one attempt, then its live status page. */
export async function submitCredentialsAction(_previous: SubmitState, form: FormData): Promise<SubmitState> {
  const result = await submitCredentials(form, { session: await getBrokerageSession(), request: await requestContext() });
  if (result.status !== "accepted") return result;
  redirect(`/submit/status/${result.attemptId}${result.alreadySent ? "?already-sent=1" : ""}`);
}

/** "Check these credentials", before the whole form is sent. */
export async function checkCredentialsAction(input: unknown): Promise<CredentialsCheckState> {
  return checkCredentialsEarly(input, { session: await getBrokerageSession(), request: await requestContext() });
}

/** The tenant of the test mailbox's domain, to offer as the Tenant ID. */
export async function lookupTenantAction(mailbox: unknown): Promise<TenantLookupState> {
  const request = await requestContext();
  return lookupTenantForMailbox(mailbox, { session: await getBrokerageSession(), sameOrigin: request.sameOrigin });
}
