import Link from "next/link";
import { BranchPage, BranchSection, Inset, linkClass, supportMailto } from "./branch-ui";

/** The scopes the Google Workspace connection asks for (DESIGN §10), shown so the administrator knows them in advance. */
const GOOGLE_SCOPES = [
  { scope: "https://www.googleapis.com/auth/calendar.events", purpose: "read and write agents’ calendar events" },
  { scope: "https://www.googleapis.com/auth/contacts", purpose: "read and write agents’ contacts" },
  { scope: "https://www.googleapis.com/auth/gmail.send", purpose: "send email from an agent’s own address (never read it)" },
];

/**
 * Google Workspace: supported, set up with the vendor's team until the portal has its own
 * Google steps. Says plainly what the administrator does next, and what it will involve.
 */
export function GoogleWorkspaceBranch({ productName, vendorName, supportEmail }: { productName: string; vendorName: string; supportEmail: string }) {
  return (
    <BranchPage caption="Setup guide" title="Google Workspace">
      <p>
        Your email is Google Workspace. {productName} syncs with Google Workspace too: the Microsoft 365 guide on this site is
        not for you.
      </p>

      <BranchSection id="what-to-do-now" title="What to do now">
        <p>
          This portal does not take Google Workspace details yet; its own Google Workspace steps are on their way. Until then,{" "}
          {vendorName}’s team sets up the connection with you:
        </p>
        <ol className="list-decimal space-y-2 pl-6">
          <li>
            Email{" "}
            <a className={linkClass} href={supportMailto(supportEmail, `${productName} setup with Google Workspace`)}>
              {supportEmail}
            </a>{" "}
            with your brokerage’s name, your work email domain, and that you use Google Workspace.
          </li>
          <li>They send you the client ID to authorise, and check the connection with you once it is in place.</li>
        </ol>
        <p>You do not need to create anything in Microsoft or submit the form your invite link opens.</p>
      </BranchSection>

      <BranchSection id="what-it-involves" title="What it will involve">
        <p>
          A <strong>super administrator</strong> of your Google Workspace authorises {vendorName}’s service to act for your
          agents (Google calls it <em>domain-wide delegation</em>). In the Google Admin console: Security, Access and data
          control, API controls, Manage Domain Wide Delegation, Add new, then the client ID and these scopes:
        </p>
        <ul className="list-disc space-y-2 pl-6">
          {GOOGLE_SCOPES.map((s) => (
            <li key={s.scope}>
              <code className="break-all font-mono text-base">{s.scope}</code>: to {s.purpose}
            </li>
          ))}
        </ul>
        <Inset>
          <p>
            Only a super administrator can add this. A new authorisation can take some minutes to apply, and if your
            organisation requires a second administrator’s approval, it waits for it.
          </p>
        </Inset>
      </BranchSection>

      <BranchSection id="not-google" title="Not Google Workspace after all?">
        <p>
          If your office email is Microsoft 365 (some offices receive mail through Google while their mailboxes are at
          Microsoft), follow the{" "}
          <Link className={linkClass} href="/guide">
            Microsoft 365 setup guide
          </Link>
          : what you submit is checked with Microsoft, whatever this page said.
        </p>
      </BranchSection>
    </BranchPage>
  );
}
