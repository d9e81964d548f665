import { randomUUID } from "node:crypto";
import type { Metadata } from "next";
import Link from "next/link";
import { CertificateForm, IssueCertificateButton } from "@/components/submission/certificate-form";
import { requireBrokerageSession } from "@/lib/auth/require-brokerage-session";
import { formatDate } from "@/lib/format/dates";
import { currentBrokerageCertificate } from "@/lib/submissions/certificate";
import { prefillFrom } from "@/lib/submissions/prefill";
import { getBrokerageName, getLatestAttempt } from "@/lib/submissions/queries";
import { checkCertificateAction, issueCertificateAction, submitCertificateAction } from "../actions";

export const metadata: Metadata = { title: "Connect with a certificate" };

/** The certificate method (DESIGN §9): download the certificate, upload it to the app, then send three values. */
type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function CertificatePage({ searchParams }: Props) {
  const replaceWorking = (await searchParams).replace === "1";
  const session = await requireBrokerageSession();
  const [name, latest, certificate] = await Promise.all([
    getBrokerageName(session.brokerageId),
    getLatestAttempt(session.brokerageId),
    currentBrokerageCertificate(session.brokerageId),
  ]);
  const defaults = prefillFrom(latest);

  return (
    <div className="max-w-3xl">
      <h1 className="mb-4 text-3xl font-bold sm:text-4xl">Connect with a certificate</h1>
      <p className="mb-2 text-lg">
        For <strong>{name}</strong>. Recommended: there is no secret to copy. We made a certificate for your app; you upload
        it to the app registration, and we sign in with it.
      </p>
      <p className="mb-8">
        <Link className="text-brand-700 underline" href="/submit">
          Use a client secret instead
        </Link>
      </p>

      <h2 className="mb-3 text-2xl font-bold">1. Download the certificate</h2>
      {certificate ? (
        <>
          <dl className="mb-4 grid grid-cols-[max-content_1fr] gap-x-6 gap-y-1">
            <dt className="font-bold">Thumbprint (SHA-256)</dt>
            <dd className="font-mono text-sm break-all" data-testid="certificate-thumbprint">
              {certificate.thumbprint}
            </dd>
            <dt className="font-bold">Expires</dt>
            <dd>{formatDate(certificate.notAfter)}</dd>
          </dl>
          <p className="mb-4 flex flex-wrap gap-6">
            <a className="text-brand-700 underline" href="/submit/certificate/download/cer" download>
              Download the certificate (.cer)
            </a>
            <a className="text-brand-700 underline" href="/submit/certificate/download/pem" download>
              Download as .pem
            </a>
          </p>
          <p className="mb-6 text-muted">
            This is the public certificate only. Its private key stays with us, sealed, and is never shown or sent to anyone
            but the sync service.
          </p>
          <IssueCertificateButton issue={issueCertificateAction} label="Make a new certificate" variant="secondary" />
        </>
      ) : (
        <>
          <p className="mb-4">We make a new key pair and certificate for {name}, valid for 12 months.</p>
          <IssueCertificateButton issue={issueCertificateAction} label="Create the certificate" />
        </>
      )}

      <h2 className="mb-3 text-2xl font-bold">2. Upload it to your app registration</h2>
      <p className="mb-8">
        In the Microsoft Entra admin center, open your app registration, then Certificates &amp; secrets → Certificates →
        Upload certificate, and choose the .cer file.{" "}
        <Link className="text-brand-700 underline" href="/guide#upload-certificate">
          How to upload the certificate
        </Link>
      </p>

      <h2 className="mb-3 text-2xl font-bold">3. Send the details</h2>
      {certificate ? (
        <CertificateForm submit={submitCertificateAction} check={checkCertificateAction} defaults={defaults} idempotencyKey={randomUUID()} basedOn={latest?.number ?? 0} replaceWorking={replaceWorking} />
      ) : (
        <p className="mb-8">Create the certificate first.</p>
      )}
    </div>
  );
}
