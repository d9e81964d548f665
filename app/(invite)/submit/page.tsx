import { randomUUID } from "node:crypto";
import type { Metadata } from "next";
import Link from "next/link";
import { NotificationBanner } from "@/components/form/notification-banner";
import { ProviderNotice } from "@/components/providers/provider-notice";
import { CredentialForm } from "@/components/submission/credential-form";
import { requireBrokerageSession } from "@/lib/auth/require-brokerage-session";
import { branding } from "@/lib/branding";
import { vendorAppConfigured } from "@/lib/microsoft/vendor-app";
import { providerForBrokerage } from "@/lib/providers/brokerage-provider";
import { prefillFrom } from "@/lib/submissions/prefill";
import { getBrokerageName, getLatestAttempt } from "@/lib/submissions/queries";
import { checkCredentialsAction, lookupTenantAction, submitCredentialsAction } from "./actions";

export const metadata: Metadata = { title: "Submit your Microsoft 365 details" };

export default async function SubmitPage() {
  const session = await requireBrokerageSession();
  const [name, latest, provider] = await Promise.all([
    getBrokerageName(session.brokerageId),
    getLatestAttempt(session.brokerageId),
    providerForBrokerage(session.brokerageId),
  ]);
  const { productName, supportEmail } = branding();

  return (
    <div className="max-w-3xl">
      <ProviderNotice detection={provider} />
      {latest ? (
        <NotificationBanner>
          <p>
            We filled in your answers from attempt {latest.number}. Enter the client secret value again: once sent, it is
            never shown.
          </p>
          <p className="mt-2">
            <Link className="text-brand-700 underline" href={`/submit/status/${latest.id}`}>
              See the results of attempt {latest.number}
            </Link>
          </p>
        </NotificationBanner>
      ) : null}
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
          <Link className="text-brand-700 underline" href="/submit/certificate">
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
        supportEmail={supportEmail}
        titleSuffix={` – ${productName} Microsoft 365 setup`}
      >
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
