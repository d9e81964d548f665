import { normaliseEmailDomain } from "./domain";

/**
 * Whether a submission points at the brokerage's own Microsoft 365: the test mailbox's
 * domain against the brokerage's email domain, and the Tenant ID against the tenant
 * Microsoft's discovery gives for that domain (where it gives one). Pure, so the form's
 * "Check your answers" and the CSM's pages say the same.
 */
export type DomainFacts = { brokerageDomain: string | undefined; brokerageTenantId: string | undefined };

export type DomainMismatch = { kind: "mailbox" | "tenant"; brokerageDomain: string; mailboxDomain: string };

export function domainMismatches(facts: DomainFacts, submitted: { tenantId: string; testMailbox: string }): DomainMismatch[] {
  const brokerageDomain = normaliseEmailDomain(facts.brokerageDomain ?? "");
  const mailboxDomain = normaliseEmailDomain(submitted.testMailbox);
  if (!brokerageDomain || !mailboxDomain) return [];
  const found: DomainMismatch[] = [];
  const sameDomain = mailboxDomain === brokerageDomain || mailboxDomain.endsWith(`.${brokerageDomain}`);
  if (!sameDomain) found.push({ kind: "mailbox", brokerageDomain, mailboxDomain });
  const tenant = submitted.tenantId.trim().toLowerCase().replace(/^\{|\}$/g, "");
  if (facts.brokerageTenantId && tenant && tenant !== facts.brokerageTenantId.toLowerCase()) {
    found.push({ kind: "tenant", brokerageDomain, mailboxDomain });
  }
  return found;
}

/** In the administrator's words, for "Check your answers". */
export function mismatchForAdministrator(m: DomainMismatch): string {
  return m.kind === "mailbox"
    ? `The test mailbox is at ${m.mailboxDomain}, but your brokerage's email domain is ${m.brokerageDomain}: check it is one of your own mailboxes`
    : `The Tenant ID is not the tenant Microsoft gives for ${m.brokerageDomain}, your brokerage's email domain: check you made the app in your own organisation's admin center`;
}

/** In the CSM's words, for the submission's page. */
export function mismatchForStaff(m: DomainMismatch): string {
  return m.kind === "mailbox"
    ? `The test mailbox is at ${m.mailboxDomain}, not at the brokerage's domain ${m.brokerageDomain}.`
    : `The tenant is not the one Microsoft gives for the brokerage's domain ${m.brokerageDomain}.`;
}
