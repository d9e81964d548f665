import { randomUUID } from "node:crypto";
import type { Metadata } from "next";
import Link from "next/link";
import { NotificationBanner } from "@/components/form/notification-banner";
import { ProviderNotice } from "@/components/providers/provider-notice";
import { CredentialForm } from "@/components/submission/credential-form";
import { FixingNotes, HomeStatus, ReplaceWarning } from "@/components/submission/home-status";
import { requireBrokerageSession } from "@/lib/auth/require-brokerage-session";
import { branding } from "@/lib/branding";
import { vendorAppConfigured } from "@/lib/microsoft/vendor-app";
import { providerForBrokerage } from "@/lib/providers/brokerage-provider";
import { prefillFrom } from "@/lib/submissions/prefill";
import { consentMailtoFor } from "@/lib/submissions/consent-mail";
import { getHomeState, ROTATION_PATH } from "@/lib/submissions/home";
import { getBrokerageName, getLatestAttempt } from "@/lib/submissions/queries";
import { checkCredentialsAction, lookupTenantAction, submitCredentialsAction } from "./actions";

export const metadata: Metadata = { title: "Your Microsoft 365 setup" };
export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** The home of the brokerage session: where things stand, and the form when there is something to send. */
export default async function SubmitPage({ searchParams }: Props) {
  const session = await requireBrokerageSession();
  const [name, latest, provider, state, query] = await Promise.all([
    getBrokerageName(session.brokerageId),
    getLatestAttempt(session.brokerageId),
    providerForBrokerage(session.brokerageId),
    getHomeState(session.brokerageId),
    searchParams,
  ]);
  const { productName, supportEmail } = branding();
  const replacing = query.replace === "1";
  const working = state.kind === "verified" || state.kind === "approved" || state.kind === "expiring";

  if (state.kind === "checking" || (working && !replacing)) {
    return (
      <div className="max-w-3xl">
        <HomeStatus state={state} rotationPath={ROTATION_PATH} />
      </div>
    );
  }

  return (
    <div className="max-w-3xl">
      <ProviderNotice detection={provider} />
      {vendorAppConfigured() ? (
        <div className="mb-4 border-l-[6px] border-brand-700 bg-brand-50 px-4 py-3" data-testid="connect-with-microsoft">
          <p className="font-bold">Quickest: Connect with Microsoft, with nothing to register or copy</p>
          <p className="mt-1">
            A Global Administrator or Privileged Role Administrator signs in and grants {productName} access to calendars, contacts and sending mail.{" "}
            <Link className="text-brand-700 underline" href="/submit/connect">
              Connect with Microsoft
            </Link>
          </p>
        </div>
      ) : null}
      <div className="mb-8 border-l-[6px] border-brand-600 bg-brand-50 px-4 py-3">
        <p className="font-bold">Recommended: connect with a certificate, with no secret to copy</p>
        <p className="mt-1">
          We make a certificate for your app; you upload it under Certificates &amp; secrets and send three values.{" "}
          <Link className="text-brand-700 underline" href={working ? "/submit/certificate?replace=1" : "/submit/certificate"}>
            Connect with a certificate
          </Link>
        </p>
        <p className="mt-1 text-muted">Or use a client secret, below.</p>
      </div>
      <CredentialForm
        submit={submitCredentialsAction}
        checkCredentials={checkCredentialsAction}
        lookupTenant={lookupTenantAction}
        defaults={prefillFrom(latest)}
        idempotencyKey={randomUUID()}
        basedOn={latest?.number ?? 0}
        replaceWorking={working}
        domainFacts={{ brokerageDomain: provider?.domain, brokerageTenantId: provider?.tenantId }}
        supportEmail={supportEmail}
        titleSuffix={` – ${productName} Microsoft 365 setup`}
      >
        {working ? <ReplaceWarning state={state} /> : null}
        {state.kind === "needs-fixing" || state.kind === "changes-requested" || state.kind === "inconclusive" ? (
          <FixingNotes state={state} consentMailto={consentMailtoFor(state.attempt.clientId)} />
        ) : null}
        {latest ? (
          <NotificationBanner>
            <p>
              We filled in your answers from attempt {latest.number}. Enter the client secret value again: once sent, it is
              never shown.
            </p>
          </NotificationBanner>
        ) : null}
        <p className="mb-2 text-lg">
          For <strong>{name}</strong>: the details of the app registration you made with the{" "}
          <Link className="text-brand-700 underline" href="/guide">
            setup guide
          </Link>
          . We check them with Microsoft as soon as you send them.
        </p>
        <p className="mb-8 text-muted">Every question is needed unless it says optional.</p>
      </CredentialForm>
    </div>
  );
}
