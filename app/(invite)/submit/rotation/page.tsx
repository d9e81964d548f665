import { randomUUID } from "node:crypto";
import type { Metadata } from "next";
import Link from "next/link";
import { NotificationBanner } from "@/components/form/notification-banner";
import { Panel } from "@/components/form/panel";
import { CheckList } from "@/components/submission/check-list";
import { RotationCertificateForm, RotationSecretForm } from "@/components/submission/rotation-forms";
import { requireBrokerageSession } from "@/lib/auth/require-brokerage-session";
import { formatDate, formatDay } from "@/lib/format/dates";
import { rotationStateOf } from "@/lib/rotation/state";
import { currentBrokerageCertificate } from "@/lib/submissions/certificate";
import { getAttemptForBrokerage, getBrokerageName, getLatestAttempt } from "@/lib/submissions/queries";
import { getStatusView } from "@/lib/submissions/status-view";
import { sendRotationCertificateAction, sendRotationSecretAction } from "../actions";

export const metadata: Metadata = { title: "Replace your credential" };
export const dynamic = "force-dynamic";

/**
 * Rotation without downtime (DESIGN §9): add the next credential beside the old one, send
 * it, and the portal switches over only once it passes every check.
 */
export default async function RotationPage() {
  const session = await requireBrokerageSession();
  const [name, state, latest] = await Promise.all([
    getBrokerageName(session.brokerageId),
    rotationStateOf(session.brokerageId),
    getLatestAttempt(session.brokerageId),
  ]);
  const word = state.method === "certificate" ? "certificate" : "client secret";
  const attempt = state.attemptId ? await getAttemptForBrokerage(session.brokerageId, state.attemptId) : null;
  const view = attempt && state.phase === "failed" ? await getStatusView(attempt) : null;
  const certificate = state.method === "certificate" ? await currentBrokerageCertificate(session.brokerageId) : null;
  const envelope = { idempotencyKey: randomUUID(), basedOn: latest?.number ?? 0 };

  if (state.phase === "none" || state.phase === "due") {
    return (
      <div className="max-w-3xl">
        <h1 className="mb-4 text-3xl font-bold sm:text-4xl">Replace your credential</h1>
        <p className="mb-4">
          {state.phase === "due"
            ? `The ${word} of ${name} expires on ${formatDay(state.expiresOn!)}. We are preparing its replacement; you will get an email with a link to this page shortly.`
            : `There is nothing to replace for ${name} now. We write to you 60 days before the ${word} expires.`}
        </p>
        <Link className="text-brand-700 underline" href="/submit">
          Your details
        </Link>
      </div>
    );
  }

  if (state.phase === "completed") {
    return (
      <div className="max-w-3xl">
        <Panel title={`The new ${word} is in use`}>
          <p>It passed every check, and the sync now uses it.</p>
        </Panel>
        <p className="mt-6 mb-4 text-lg" data-testid="old-deletable-after">
          Keep the old {word} until <strong>{formatDate(state.oldDeletableAfter!)}</strong>, so nothing stops while the sync
          switches over. From then on you may delete it from the app registration (Certificates &amp; secrets).
        </p>
      </div>
    );
  }

  return (
    <div className="max-w-3xl">
      {state.phase === "verifying" ? (
        <noscript>
          <meta httpEquiv="refresh" content="3" />
        </noscript>
      ) : null}
      <h1 className="mb-4 text-3xl font-bold sm:text-4xl">Replace your {word}</h1>
      <p className="mb-6 text-lg">
        The {word} that connects <strong>{name}</strong> expires on {formatDay(state.expiresOn!)}. Add the new one beside it:
        the old one keeps working until the new one passes every check, so nothing stops. Do not delete the old one yet.
      </p>

      {state.phase === "verifying" ? (
        <NotificationBanner role="status" title="Checking the new credential">
          <p>
            We are checking it now; this page shows the result.{" "}
            {attempt ? (
              <Link className="text-brand-700 underline" href={`/submit/status/${attempt.id}`}>
                Watch the checks live
              </Link>
            ) : null}
          </p>
        </NotificationBanner>
      ) : null}

      {view ? (
        <section className="mb-8" aria-labelledby="rotation-failed">
          <h2 id="rotation-failed" className="mb-2 text-2xl font-bold text-error">
            The new {word} did not pass
          </h2>
          <p className="mb-4">The old one is still in use. Fix what is shown below, then send it again.</p>
          <CheckList checks={view.checks.filter((c) => c.status === "fail" || c.status === "error")} headingLevel={3} />
        </section>
      ) : null}

      {state.phase !== "verifying" && state.method === "certificate" ? (
        <>
          <h2 className="mb-3 text-2xl font-bold">1. Download the new certificate</h2>
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
              <p className="mb-6 flex flex-wrap gap-6">
                <a className="text-brand-700 underline" href="/submit/certificate/download/cer" download>
                  Download the certificate (.cer)
                </a>
                <a className="text-brand-700 underline" href="/submit/certificate/download/pem" download>
                  Download as .pem
                </a>
              </p>
            </>
          ) : null}
          <h2 className="mb-3 text-2xl font-bold">2. Upload it beside the old one</h2>
          <p className="mb-6">
            In the Microsoft Entra admin center, open the same app registration, then Certificates &amp; secrets → Certificates →
            Upload certificate. Keep the old certificate.{" "}
            <Link className="text-brand-700 underline" href="/guide#upload-certificate">
              How to upload the certificate
            </Link>
          </p>
          <h2 className="mb-3 text-2xl font-bold">3. Tell us</h2>
          <RotationCertificateForm send={sendRotationCertificateAction} {...envelope} />
        </>
      ) : null}

      {state.phase !== "verifying" && state.method === "client-secret" ? (
        <>
          <h2 className="mb-3 text-2xl font-bold">1. Add a new client secret</h2>
          <p className="mb-6">
            In the Microsoft Entra admin center, open the same app registration, then Certificates &amp; secrets → Client
            secrets → New client secret. Keep the old secret. Copy the new secret&apos;s <strong>Value</strong>.{" "}
            <Link className="text-brand-700 underline" href="/guide#copy-secret-value">
              Where the Value is
            </Link>
          </p>
          <h2 className="mb-3 text-2xl font-bold">2. Paste it here</h2>
          <RotationSecretForm send={sendRotationSecretAction} {...envelope} />
        </>
      ) : null}
    </div>
  );
}
