import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { NotificationBanner } from "@/components/form/notification-banner";
import { StartConsentButton } from "@/components/submission/connect-with-microsoft";
import { requireBrokerageSession } from "@/lib/auth/require-brokerage-session";
import { branding } from "@/lib/branding";
import { vendorAppConfigured } from "@/lib/microsoft/vendor-app";
import { getBrokerageName } from "@/lib/submissions/queries";
import { consentOfSession } from "@/lib/submissions/vendor-consent";
import { CONSENT_REASONS, consentRemedy, VENDOR_APP_GRANTS, type ConsentReason } from "@/lib/submissions/vendor-consent-reasons";
import { startVendorConsentAction } from "../actions";

export const metadata: Metadata = { title: "Connect with Microsoft" };

/** The `vendor-app` method (DESIGN §9): who signs in, what is granted, then Microsoft's admin-consent page. */
export default async function ConnectPage({ searchParams }: { searchParams: Promise<{ consent?: string }> }) {
  const session = await requireBrokerageSession();
  if (!vendorAppConfigured()) notFound();
  const { consent: consentParam } = await searchParams;
  const name = await getBrokerageName(session.brokerageId);
  const { productName } = branding();
  const consent = consentParam && consentParam !== "refused" ? await consentOfSession(session, consentParam) : null;
  const reason: ConsentReason | null =
    consentParam === "refused"
      ? "consent-state-invalid"
      : consent?.outcome && (CONSENT_REASONS as readonly string[]).includes(consent.outcome)
        ? (consent.outcome as ConsentReason)
        : null;
  const remedy = reason ? consentRemedy(reason) : null;

  return (
    <div className="max-w-3xl">
      {remedy ? (
        <div role="alert" aria-labelledby="consent-problem" className="mb-8 border-l-[6px] border-error bg-white px-4 py-3" data-testid="consent-problem">
          <h2 id="consent-problem" className="text-xl font-bold">
            {remedy.title}
          </h2>
          <p className="mt-2">{remedy.fix}</p>
          {consent?.microsoftCode ? <p className="mt-2 text-muted">Microsoft’s code: {consent.microsoftCode}</p> : null}
        </div>
      ) : null}
      <h1 className="mb-4 text-3xl font-bold sm:text-4xl">Connect with Microsoft</h1>
      <p className="mb-6 text-lg">
        For <strong>{name}</strong>. The quickest way: no app to register, no secret and no IDs to copy. An administrator of your Microsoft 365 signs in
        with Microsoft and accepts the permissions {productName} needs; we check the connection straight away.
      </p>

      <h2 className="mb-3 text-2xl font-bold">Who must sign in</h2>
      <p className="mb-6">
        A <strong>Global Administrator</strong> or <strong>Privileged Role Administrator</strong> of your Microsoft 365. Other roles, including Application
        Administrator, cannot grant these permissions.
      </p>

      <h2 className="mb-3 text-2xl font-bold">What they grant</h2>
      <p className="mb-2">{productName} gets these three application permissions for your organisation, and nothing more:</p>
      <ul className="mb-4 list-disc pl-6">
        {VENDOR_APP_GRANTS.map((g) => (
          <li key={g} className="mb-1">
            {g}
          </li>
        ))}
      </ul>
      <p className="mb-6">
        You can remove it at any time: Microsoft Entra admin center → Enterprise applications → {productName} → Properties → Delete.
      </p>

      <StartConsentButton start={startVendorConsentAction}>Sign in with Microsoft</StartConsentButton>

      <NotificationBanner title="Not an administrator yourself?">
        <p>
          Forward your invite email to your Global Administrator. Its link opens this same page for them; it carries no password or secret, and they can
          sign in with Microsoft from here.
        </p>
      </NotificationBanner>

      <p className="mb-8">
        Your organisation must own the app?{" "}
        <Link className="text-brand-700 underline" href="/submit/certificate">
          Connect with a certificate
        </Link>{" "}
        or{" "}
        <Link className="text-brand-700 underline" href="/submit">
          use a client secret
        </Link>
        .
      </p>
    </div>
  );
}
