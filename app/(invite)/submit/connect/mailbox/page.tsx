import { randomUUID } from "node:crypto";
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { Panel } from "@/components/form/panel";
import { VendorAppForm } from "@/components/submission/connect-with-microsoft";
import { requireBrokerageSession } from "@/lib/auth/require-brokerage-session";
import { prefillFrom } from "@/lib/submissions/prefill";
import { getBrokerageName, getLatestAttempt } from "@/lib/submissions/queries";
import { pendingConsent, tenantDomainsForBrokerage } from "@/lib/submissions/vendor-consent";
import { submitVendorAppCredentialsAction } from "../../actions";

export const metadata: Metadata = { title: "Choose a test mailbox" };

/** After Microsoft's consent: the test mailbox, with the tenant's domains offered; then the live checks. */
export default async function ConnectMailboxPage({ searchParams }: { searchParams: Promise<{ consent?: string }> }) {
  const session = await requireBrokerageSession();
  const { consent: consentId } = await searchParams;
  const consent = consentId ? await pendingConsent(session, consentId) : null;
  if (!consent) redirect("/submit/connect?consent=refused");
  const [name, latest, domains] = await Promise.all([
    getBrokerageName(session.brokerageId),
    getLatestAttempt(session.brokerageId),
    tenantDomainsForBrokerage(session.brokerageId, consent.tenantId),
  ]);
  const prefill = prefillFrom(latest);
  return (
    <div className="max-w-3xl">
      <Panel title="Admin consent granted" headingLevel={2}>
        <p>
          Microsoft confirmed the consent for tenant <span className="font-mono break-all">{consent.tenantId}</span>.
        </p>
      </Panel>
      <h1 className="mb-4 text-3xl font-bold sm:text-4xl">Choose a test mailbox</h1>
      <p className="mb-8 text-lg">
        For <strong>{name}</strong>. We check the connection on one mailbox: we read its calendar and contacts, and add then remove one test event and one
        test contact.
      </p>
      <VendorAppForm
        submit={submitVendorAppCredentialsAction}
        consentId={consent.id}
        domains={domains}
        defaults={{ testMailbox: prefill.testMailbox, submitterName: prefill.submitterName, submitterEmail: prefill.submitterEmail, submitterPhone: prefill.submitterPhone ?? "" }}
        idempotencyKey={randomUUID()}
        basedOn={latest?.number ?? 0}
      />
    </div>
  );
}
