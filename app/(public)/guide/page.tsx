import type { Metadata } from "next";
import { GuideContents } from "@/components/guide/guide-contents";
import { ScreenReportProvider } from "@/components/guide/screen-report-form";
import { EmailDomainForm } from "@/components/providers/email-domain-form";
import type { GuideContext } from "@/components/guide/guide-context";
import { AddPermissionsStep, CopyIdsStep, GrantConsentStep, RegisterAppStep } from "@/components/guide/sections/app-steps";
import { BeforeYouStart } from "@/components/guide/sections/before-you-start";
import { ChooseTestMailboxStep, LimitMailboxAccessStep } from "@/components/guide/sections/mailbox-steps";
import { UploadCertificateSection } from "@/components/guide/sections/certificate-upload";
import { CopySecretValueStep, CreateSecretStep } from "@/components/guide/sections/secret-steps";
import { SetupScript } from "@/components/guide/sections/setup-script";
import { SubmitStep } from "@/components/guide/sections/submit-step";
import { Troubleshooting } from "@/components/guide/sections/troubleshooting";
import { branding } from "@/lib/branding";
import { env } from "@/lib/env";
import { globalAdminMailto } from "@/lib/guide/admin-mail";
import { guideLiterals } from "@/lib/guide/literals";
import { reportScreenAction } from "./actions";
import "./guide.css";

// Rendered once at build time: branding and APP_URL are read then (docs/guide.md).
export const dynamic = "force-static";

export const metadata: Metadata = { title: "Setup guide" };

export default function GuidePage() {
  const { productName, vendorName, supportEmail } = branding();
  const guideUrl = `${env().APP_URL}/guide`;
  const ctx: GuideContext = {
    productName,
    vendorName,
    supportEmail,
    guideUrl,
    literals: guideLiterals(productName),
    adminMailto: globalAdminMailto({ productName, guideUrl, appName: guideLiterals(productName).appName }),
  };

  return (
    <ScreenReportProvider action={reportScreenAction}>
      <div>
        <h1 className="text-3xl font-bold sm:text-4xl">Connect Microsoft 365 to {productName}: the setup guide</h1>
        <p className="mt-4 max-w-3xl text-lg">
          For your brokerage’s email administrator: how to create the app registration {productName} needs in the Microsoft Entra
          admin center, by hand or with one script, and what to submit at the end.
        </p>
        <details className="mt-4 max-w-3xl">
          <summary className="cursor-pointer text-lg text-brand-700 underline">Bought Microsoft 365 through GoDaddy, or on Google Workspace?</summary>
          <div className="mt-4 border-l-4 border-gray-300 pl-4">
            <p className="mb-4">These steps are for Microsoft 365. Enter your work email domain to see the steps that fit yours.</p>
            <EmailDomainForm label="Your work email address or domain" />
          </div>
        </details>
        <div className="mt-8 lg:grid lg:grid-cols-[15rem_minmax(0,1fr)] lg:gap-10">
          <GuideContents />
          <div className="min-w-0 max-w-3xl space-y-12">
            <BeforeYouStart ctx={ctx} />
            <SetupScript ctx={ctx} />
            <RegisterAppStep ctx={ctx} />
            <CopyIdsStep ctx={ctx} />
            <AddPermissionsStep ctx={ctx} />
            <GrantConsentStep ctx={ctx} />
            <CreateSecretStep ctx={ctx} />
            <CopySecretValueStep ctx={ctx} />
            <UploadCertificateSection ctx={ctx} />
            <ChooseTestMailboxStep ctx={ctx} />
            <LimitMailboxAccessStep ctx={ctx} />
            <SubmitStep ctx={ctx} />
            <Troubleshooting ctx={ctx} />
          </div>
        </div>
      </div>
    </ScreenReportProvider>
  );
}
