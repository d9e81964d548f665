import Link from "next/link";
import { WarningText } from "@/components/form/warning-text";
import { REQUIRED_PERMISSION_NAMES } from "@/lib/microsoft/permissions";
import { BranchPage, BranchSection, Inset, linkClass, supportMailto } from "./branch-ui";
import { FreeGmailFallback } from "./free-gmail-fallback";

/**
 * Microsoft 365 bought through GoDaddy: what its federation stands in the way of, the two
 * known ways through, and when to take another path. In our own words from public accounts
 * of GoDaddy tenants; GoDaddy can change its set-up, so the page says what to ask them.
 */
export function GoDaddyBranch({ productName, vendorName, supportEmail }: { productName: string; vendorName: string; supportEmail: string }) {
  const permissions = REQUIRED_PERMISSION_NAMES.join(", ");
  return (
    <BranchPage caption="Setup guide" title="Microsoft 365 bought through GoDaddy">
      <p>
        Your email is Microsoft 365, but it was bought through GoDaddy, and GoDaddy handles how your people sign in. That is
        called <em>federation</em>. It is the reason some offices with GoDaddy email cannot finish the {productName} setup, so
        read this before you start.
      </p>

      <BranchSection id="what-it-prevents" title="What GoDaddy’s federation gets in the way of">
        <p>
          When you sign in with your work address, Microsoft sends you to GoDaddy’s sign-in page, and you manage email from
          GoDaddy’s own control panel. GoDaddy keeps the highest Microsoft 365 role, Global Administrator, on an account of its
          own. The accounts you were given usually lack the roles the setup needs.
        </p>
        <p>The setup guide needs someone who can, in the Microsoft Entra admin center:</p>
        <ul className="list-disc space-y-1 pl-6">
          <li>register an app for {productName},</li>
          <li>grant admin consent for the whole brokerage to its permissions ({permissions}),</li>
          <li>create the app’s client secret.</li>
        </ul>
        <p>
          Granting admin consent for application permissions takes a Global Administrator or a Privileged Role Administrator.
          If you try with a GoDaddy account without that role, the consent button is greyed out or Microsoft says you need an
          administrator’s approval.
        </p>
        <Inset>
          <p>
            Federation changes how <strong>people</strong> sign in, not how the app connects. Once the app is registered and
            consented, {productName} reaches your mailboxes with its own credentials, and the sync works like any other
            Microsoft 365 tenant’s.
          </p>
        </Inset>
      </BranchSection>

      <BranchSection id="built-in-administrator" title="Way 1: use the tenant’s built-in administrator account">
        <p>
          Every tenant GoDaddy sets up has a hidden administrator account on Microsoft’s own domain, with an address like{" "}
          <code className="font-mono text-base">admin@NETORGFT1234567.onmicrosoft.com</code>. It holds the Global Administrator
          role, and because its domain is not federated, it signs in at Microsoft directly, not through GoDaddy.
        </p>
        <ol className="list-decimal space-y-2 pl-6">
          <li>
            Sign in to the Microsoft Entra admin center (<span className="font-mono">entra.microsoft.com</span>) with the
            administrator account GoDaddy gave you.
          </li>
          <li>
            Open <strong>Users</strong>, then <strong>All users</strong>, and look for an address that starts with{" "}
            <span className="font-mono">admin@</span> and ends in <span className="font-mono">.onmicrosoft.com</span>.
          </li>
          <li>
            If you do not know its password, reset it there (your account may be allowed to), or ask GoDaddy for it.
          </li>
          <li>
            In a private browser window, sign in to the Microsoft Entra admin center as that account, set up multifactor
            authentication when asked, and follow the{" "}
            <Link className={linkClass} href="/guide">
              setup guide
            </Link>{" "}
            as that account.
          </li>
        </ol>
        <p className="font-bold">Good to know before you choose it</p>
        <ul className="list-disc space-y-1 pl-6">
          <li>Nothing changes for your agents: they keep signing in through GoDaddy as today.</li>
          <li>It is quick: the guide takes about 15 minutes once you can sign in.</li>
          <li>
            It is the most powerful account in your tenant. Give it a long unique password and multifactor authentication,
            store them where your office keeps such secrets, and use the account only for tasks like this one.
          </li>
          <li>
            GoDaddy does not describe this account to customers and may change or reset it; if it stops working later, you
            may need GoDaddy’s help again. The app registration you create keeps working either way.
          </li>
        </ul>
      </BranchSection>

      <BranchSection id="defederate" title="Way 2: move the tenant off GoDaddy’s federation">
        <p>
          You can end GoDaddy’s federation, so Microsoft handles sign-in itself and your tenant becomes an ordinary Microsoft 365
          tenant, usually bought afterwards from Microsoft or another Microsoft partner. IT partners often call this{" "}
          <em>defederating</em>. Your mailboxes and their contents stay where they are.
        </p>
        <p>In outline, and best done with an IT partner who has done it before:</p>
        <ol className="list-decimal space-y-2 pl-6">
          <li>Get into the built-in administrator account (way 1): the change is made as that account.</li>
          <li>Plan new passwords for every user: after the change, their GoDaddy passwords no longer work.</li>
          <li>
            Switch each of your domains from federated to managed sign-in, with Microsoft Graph PowerShell (
            <code className="font-mono text-base">Update-MgDomain -DomainId yourbrokerage.com -AuthenticationType Managed</code>
            ), then set the new passwords.
          </li>
          <li>Remove GoDaddy’s administrative access to the tenant (its partner relationship in the Microsoft 365 admin center).</li>
          <li>Buy licences from Microsoft or another partner, then end the GoDaddy subscription at the end of its term.</li>
        </ol>
        <WarningText>
          Do not cancel the GoDaddy subscription first. Offices that cancelled before moving their licences report that GoDaddy
          removed their users and mail.
        </WarningText>
        <p className="font-bold">Good to know before you choose it</p>
        <ul className="list-disc space-y-1 pl-6">
          <li>You get full control of your tenant, for {productName} and everything else you ever need an administrator for.</li>
          <li>
            Everyone is affected: new passwords, and signing in again on every phone and computer. Plan it for a quiet evening
            and tell people beforehand.
          </li>
          <li>It takes a few hours of work, and a change of who bills you for Microsoft 365.</li>
        </ul>
      </BranchSection>

      <BranchSection id="ask-godaddy" title="What to ask GoDaddy">
        <p>If neither way suits you yet, GoDaddy’s support can tell you what your plan allows. Ask them:</p>
        <ol className="list-decimal space-y-2 pl-6">
          <li>
            Can we have Global Administrator access to our Microsoft 365 tenant, or the sign-in for its built-in administrator
            account (the one ending in <span className="font-mono">.onmicrosoft.com</span>)?
          </li>
          <li>
            Can you register an app for us and grant admin consent to the Microsoft Graph application permissions {permissions}?
          </li>
          <li>If we end your federation or move our licences elsewhere, what happens to our users, our mail and our billing?</li>
        </ol>
      </BranchSection>

      <BranchSection id="another-path" title="When to choose another path">
        <p>
          If nobody in the office can get an administrator role and ending the federation is not for now, do not spend more
          time on the setup: it cannot be finished without that role, and {vendorName} cannot grant it to you.
        </p>
        <FreeGmailFallback productName={productName} />
        <p>
          Questions about your options:{" "}
          <a className={linkClass} href={supportMailto(supportEmail, `${productName} setup with GoDaddy Microsoft 365`)}>
            {supportEmail}
          </a>
          .
        </p>
      </BranchSection>

      <BranchSection id="continue" title="Ready to continue">
        <p>
          Once you can sign in as an administrator who can grant admin consent, the rest is the same as for any Microsoft 365
          tenant. We check what you submit with Microsoft either way.
        </p>
        <p>
          <Link className={linkClass} href="/guide">
            Go to the setup guide
          </Link>
        </p>
      </BranchSection>
    </BranchPage>
  );
}
