import { randomUUID } from "node:crypto";
import type { Metadata } from "next";
import Link from "next/link";
import { NotificationBanner } from "@/components/form/notification-banner";
import { GoogleWorkspaceForm } from "@/components/submission/google-workspace-form";
import { requireBrokerageSession } from "@/lib/auth/require-brokerage-session";
import { getBrokerageName, getLatestAttempt } from "@/lib/submissions/queries";
import { submitGoogleWorkspaceAction } from "../actions";

export const metadata: Metadata = { title: "Submit your Google Workspace details" };

/** Google Workspace (DESIGN §10): the domain and a test user; no secret. */
export default async function GoogleWorkspaceSubmitPage() {
  const session = await requireBrokerageSession();
  const [name, latest] = await Promise.all([getBrokerageName(session.brokerageId), getLatestAttempt(session.brokerageId)]);
  const previous = latest?.credentialMethod === "google-delegation" ? latest : null;
  return (
    <div className="max-w-3xl">
      <h1 className="mb-4 text-3xl font-bold sm:text-4xl">Your Google Workspace details</h1>
      {previous ? (
        <NotificationBanner>
          <p>We filled in your answers from attempt {previous.number}.</p>
          <p className="mt-2">
            <Link className="text-brand-700 underline" href={`/submit/status/${previous.id}`}>
              See the results of attempt {previous.number}
            </Link>
          </p>
        </NotificationBanner>
      ) : null}
      <p className="mb-2 text-lg">
        For <strong>{name}</strong>: once a super administrator has authorised our client ID as the{" "}
        <Link className="text-brand-700 underline" href="/guide/google-workspace">
          Google Workspace guide
        </Link>{" "}
        shows, tell us your domain and a test user. We check the connection with Google as soon as you send them.
      </p>
      <p className="mb-8 text-muted">Every question is needed unless it says optional. There is no secret to enter.</p>
      <GoogleWorkspaceForm
        submit={submitGoogleWorkspaceAction}
        defaults={
          previous
            ? {
                googleDomain: previous.tenantId,
                googleTestUser: previous.testMailbox,
                sendTestMessage: previous.sendTestMessage,
                submitterName: previous.submitterName,
                submitterEmail: previous.submitterEmail,
                submitterPhone: previous.submitterPhone ?? "",
              }
            : {}
        }
        idempotencyKey={randomUUID()}
        basedOn={latest?.number ?? 0}
      />
      <p className="mt-8">
        <Link className="text-brand-700 underline" href="/submit">
          Our email is Microsoft 365 after all
        </Link>
      </p>
    </div>
  );
}
