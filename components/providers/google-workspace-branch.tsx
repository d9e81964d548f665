import type { ReactNode } from "react";
import Link from "next/link";
import { CopyButton } from "@/components/form/copy-button";
import { DelegationDrawing, ServicesDrawing } from "@/components/guide/illustrations/google-screens";
import { GOOGLE_SCOPES } from "@/lib/google/scopes";
import { formatGuideDate } from "@/lib/guide/steps";
import { BranchPage, BranchSection, Inset, linkClass, supportMailto } from "./branch-ui";

/** When the drawings were last compared with Google's published description of the screens. */
const CHECKED = "2026-12-02";

export type GoogleWorkspaceBranchProps = {
  productName: string;
  vendorName: string;
  supportEmail: string;
  /** The vendor's service account's numeric client id; null when the Google Workspace path is not configured. */
  clientId: string | null;
  scopeList: string;
  /** The Admin console's pre-filled link (undocumented by Google), or null without a client id. */
  adminConsoleLink: string | null;
  /** Shown with an invite: where to send the details. */
  formHref?: string;
};

function Figure(props: { id: string; label: string; description: ReactNode; children: (ids: { labelledBy: string; describedBy: string }) => ReactNode }) {
  const labelledBy = `${props.id}-figure-label`;
  const describedBy = `${props.id}-figure-description`;
  return (
    <div className="my-6">
      <figure>
        <div tabIndex={0} role="group" aria-labelledby={labelledBy} className="overflow-x-auto rounded border border-gray-300 bg-white p-1 shadow-sm">
          <div className="min-w-[520px] sm:min-w-0">{props.children({ labelledBy, describedBy })}</div>
        </div>
        <figcaption className="mt-2 text-[0.95rem]">
          <span id={labelledBy} className="font-bold">
            {props.label}.
          </span>{" "}
          <span id={describedBy}>{props.description}</span>
        </figcaption>
      </figure>
      <p className="mt-1 text-sm text-muted">Last checked against the Google Admin console: {formatGuideDate(CHECKED)}.</p>
    </div>
  );
}

/**
 * Google Workspace (DESIGN §10): domain-wide delegation to the vendor's service account.
 * The scopes come from lib/google/scopes.ts, the same list the checks request.
 */
export function GoogleWorkspaceBranch(p: GoogleWorkspaceBranchProps) {
  return (
    <BranchPage caption="Setup guide" title="Google Workspace">
      <p>
        Your email is Google Workspace. {p.productName} syncs your agents’ calendars, contacts and sent mail with Google
        Workspace through <em>domain-wide delegation</em>: you authorise {p.vendorName}’s service to act for your agents, for
        exactly three scopes. There is no app to create and no secret to copy. It takes about ten minutes.
      </p>

      <BranchSection id="google-before-you-start" title="Before you start">
        <ul className="list-disc space-y-2 pl-6">
          <li>
            You need to sign in to the Google Admin console as a <strong>super administrator</strong>: only a super
            administrator can add a domain-wide delegation.
          </li>
          <li>If your organisation requires a second administrator to approve sensitive changes (multi-party approval), ask them to be ready.</li>
          <li>Choose a test user: one of your agents, with Gmail, Calendar and Contacts on.</li>
        </ul>
        <Inset>
          <p>
            Google recommends giving domain-wide delegation only to services you trust and only for the scopes they need.{" "}
            {p.productName} asks for the three below and nothing else; you can remove the delegation at any time.
          </p>
        </Inset>
      </BranchSection>

      <BranchSection id="google-add-delegation" title="1. Authorise our client ID">
        {p.clientId ? (
          <>
            <ol className="list-decimal space-y-2 pl-6">
              <li>In the Admin console, go to Menu, Security, Access and data control, API controls.</li>
              <li>Under Domain-wide delegation, select Manage Domain Wide Delegation, then Add new.</li>
              <li>
                In Client ID, paste{" "}
                <span className="inline-flex flex-wrap items-center gap-2 align-middle">
                  <code className="rounded bg-gray-100 px-1.5 py-0.5 font-mono" data-testid="google-client-id">
                    {p.clientId}
                  </code>
                  <CopyButton text={p.clientId} what="the client ID" />
                </span>
              </li>
              <li>In OAuth scopes (comma-delimited), paste the whole list below, then select Authorize.</li>
            </ol>
            <div>
              <div className="flex justify-end">
                <CopyButton text={p.scopeList} what="the scope list" />
              </div>
              <pre tabIndex={0} aria-label="The scope list" className="overflow-x-auto rounded bg-gray-100 p-3 font-mono text-sm whitespace-pre-wrap break-all" data-testid="google-scope-list">
                {p.scopeList}
              </pre>
            </div>
            <p>What each scope lets {p.productName} do:</p>
            <ul className="list-disc space-y-2 pl-6">
              {GOOGLE_SCOPES.map((s) => (
                <li key={s.scope}>
                  <code className="break-all font-mono text-base">{s.scope}</code>: {s.label.toLowerCase()}
                </li>
              ))}
            </ul>
            {p.adminConsoleLink ? (
              <p>
                Or open the{" "}
                <a className={linkClass} href={p.adminConsoleLink} target="_blank" rel="noopener noreferrer">
                  Admin console with the client ID and scopes filled in (opens in a new tab)
                </a>
                , check both, and select Authorize. Google does not document this shortcut: if the fields come up empty,
                follow the steps above.
              </p>
            ) : null}
            <Figure
              id="google-add-delegation"
              label="Manage Domain Wide Delegation: Add a new client ID"
              description={`Select Add new (1); paste the client ID ${p.clientId} and the comma-separated scope list into their fields, then select Authorize (2).`}
            >
              {(ids) => <DelegationDrawing {...ids} clientId={p.clientId!} />}
            </Figure>
            <Inset>
              <p>
                Google applies a new delegation within minutes, and says it can take up to 24 hours. With multi-party
                approval, it waits until a second administrator approves it. If the checks say the client ID is not
                authorised just after you added it, wait a few minutes and check again.
              </p>
            </Inset>
          </>
        ) : (
          <p>
            This portal cannot offer Google Workspace yet: email{" "}
            <a className={linkClass} href={supportMailto(p.supportEmail, `${p.productName} setup with Google Workspace`)}>
              {p.supportEmail}
            </a>{" "}
            and {p.vendorName}’s team sets it up with you.
          </p>
        )}
      </BranchSection>

      <BranchSection id="google-turn-on-services" title="2. Check that your agents have Gmail, Calendar and Contacts">
        <p>
          The sync works for agents whose organizational unit has Gmail, Google Calendar and Contacts turned on. In the Admin
          console, go to Menu, Apps, Google Workspace, then for each of Calendar, Gmail and Contacts: Service status, select
          your agents’ organizational unit (or the top one for everyone), On, Save.
        </p>
        <Figure
          id="google-turn-on-services"
          label="Apps, Google Workspace, Calendar: Service status"
          description="Select the organizational unit your agents are in (1), choose ON (2) and Save (3). Do the same for Gmail and Contacts."
        >
          {(ids) => <ServicesDrawing {...ids} />}
        </Figure>
      </BranchSection>

      <BranchSection id="google-test-user" title="3. Send your domain and a test user">
        <p>
          On the form, enter your Google Workspace domain and the address of one agent in it. We check at once, acting as that
          agent: one token per scope, then reading and writing the calendar and contacts (a test event and a test contact,
          deleted straight away) and, unless you turn it off, one test message to itself.
        </p>
        {p.formHref ? (
          <p>
            <Link className={linkClass} href={p.formHref}>
              Send your Google Workspace details
            </Link>
          </p>
        ) : (
          <p>Your invite link opens the form.</p>
        )}
      </BranchSection>

      <BranchSection id="google-troubleshooting" title="If the checks find a problem">
        <ul className="list-disc space-y-2 pl-6">
          <li>“The client ID is not authorised”: step 1 is missing, or not applied yet: wait a few minutes and check again.</li>
          <li>“Some scopes are not authorised”: edit the client ID in Manage Domain Wide Delegation and paste the full scope list again.</li>
          <li>“A service is turned off for the test user”: step 2, for the test user’s organizational unit.</li>
          <li>“Google has no user with this address”: use an agent’s primary address, not an alias or a group.</li>
          <li>
            Anything that says it is on our side needs nothing from you: we are told, and the checks run again. Questions:{" "}
            <a className={linkClass} href={supportMailto(p.supportEmail, `${p.productName} setup with Google Workspace`)}>
              {p.supportEmail}
            </a>
            .
          </li>
        </ul>
      </BranchSection>

      <BranchSection id="not-google" title="Not Google Workspace after all?">
        <p>
          If your office email is Microsoft 365 (some offices receive mail through Google while their mailboxes are at
          Microsoft), follow the{" "}
          <Link className={linkClass} href="/guide">
            Microsoft 365 setup guide
          </Link>
          .
        </p>
      </BranchSection>
    </BranchPage>
  );
}
