import type { ReactNode } from "react";
import type { GuideContext } from "../guide-context";
import { AdminMailLink, linkClass, Ui } from "../guide-ui";

function Problem(props: { id: string; title: string; children: ReactNode }) {
  return (
    <div className="break-inside-avoid space-y-3">
      <h3 id={props.id} className="scroll-mt-4 pt-2 text-xl font-bold">
        {props.title}
      </h3>
      {props.children}
    </div>
  );
}

function StepLink(props: { anchor: string; children: ReactNode }) {
  return (
    <a href={`#${props.anchor}`} className={linkClass}>
      {props.children}
    </a>
  );
}

/** What the checks report, and the step that fixes it (the reasons of DESIGN §4, in plain words). */
const RESULTS: Array<{ result: string; fix: ReactNode }> = [
  { result: "The tenant or the app was not found", fix: <>Copy both IDs again (<StepLink anchor="copy-ids">step 2</StepLink>); the Object ID is a common mix-up.</> },
  { result: "The secret was rejected, or looks like a Secret ID", fix: <>Create a new secret and copy its Value (<StepLink anchor="create-secret">steps 5</StepLink> and <StepLink anchor="copy-secret-value">6</StepLink>).</> },
  { result: "The secret has expired", fix: <>Create a new secret in the same app (<StepLink anchor="create-secret">step 5</StepLink>) and submit its Value and date.</> },
  { result: "Admin consent is missing, or a permission is missing", fix: <>Add the missing permission (<StepLink anchor="add-permissions">step 3</StepLink>) and grant consent again (<StepLink anchor="grant-consent">step 4</StepLink>).</> },
  { result: "The mailbox was not found or cannot be used", fix: <>Choose a licensed user mailbox in Exchange Online (<StepLink anchor="choose-test-mailbox">step 7</StepLink>).</> },
  { result: "An Exchange policy denied access to the mailbox", fix: <>Add the test mailbox to the group or scope of <StepLink anchor="limit-mailbox-access">step 8</StepLink>, or wait for Exchange to apply a recent change.</> },
  { result: "Conditional Access blocked the sign-in", fix: <>See <StepLink anchor="conditional-access">Conditional Access blocks the app</StepLink> below.</> },
  { result: "The app has no enterprise application in your tenant", fix: <>Run the setup script again (it finishes the app it created), or open the app registration’s Overview and select the link under Managed application in local directory.</> },
  { result: "Your tenant cannot use Microsoft Graph, or has no Exchange Online", fix: <>Check in the Microsoft 365 admin center, under Billing, that a plan with Exchange Online is active; if it is, contact Microsoft support with the code shown.</> },
  { result: "Microsoft was unavailable or busy", fix: <>Nothing to fix on your side: the checks run again automatically.</> },
];

export function Troubleshooting({ ctx }: { ctx: GuideContext }) {
  const { productName, vendorName, literals } = ctx;
  return (
    <section id="troubleshooting" aria-labelledby="troubleshooting-heading" className="guide-section scroll-mt-4 space-y-4 border-t-2 border-gray-300 pt-8">
      <h2 id="troubleshooting-heading" className="text-2xl font-bold sm:text-3xl">
        Troubleshooting
      </h2>

      <Problem id="checks-failed" title="The checks failed">
        <p>
          Each failed check says which step to redo and links to it. Fix that one thing in the same app registration and submit again
          with the same invite link. You do not need a new app, new names or a new test mailbox: the old advice to start over with new
          names no longer applies.
        </p>
        <div className="overflow-x-auto">
          <table className="w-full border-collapse text-left">
            <caption className="sr-only">Check results and the step that fixes each</caption>
            <thead>
              <tr className="border-b-2 border-ink">
                <th scope="col" className="py-2 pr-4">
                  The result says
                </th>
                <th scope="col" className="py-2">
                  What to do
                </th>
              </tr>
            </thead>
            <tbody>
              {RESULTS.map((row) => (
                <tr key={row.result} className="border-b border-gray-300 align-top">
                  <td className="py-2 pr-4">{row.result}</td>
                  <td className="py-2">{row.fix}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </Problem>

      <Problem id="no-admin-rights" title="You do not have admin rights">
        <p>
          The steps need the roles listed in <StepLink anchor="before-you-start">Before you start</StepLink>. To see yours, open your
          own account in the Entra admin center (<Ui>Entra ID</Ui> &gt; <Ui>Users</Ui>, then your name) and select{" "}
          <Ui>Assigned roles</Ui>. Ask your Global Administrator to grant consent (step 4) or to give you the role you need;{" "}
          {vendorName} cannot change roles in your tenant.
        </p>
        <AdminMailLink href={ctx.adminMailto} />
      </Problem>

      <Problem id="third-party-tenant" title="Your Microsoft 365 came through another company, such as GoDaddy">
        <p>
          Some companies that resell Microsoft 365 keep full administrator rights for themselves and give you a limited account, so{" "}
          <Ui>App registrations</Ui> or <Ui>Grant admin consent</Ui> may be missing or greyed out. With GoDaddy, the known route is
          its own dashboard: sign in to the <Ui>Email &amp; Office Dashboard</Ui> with your GoDaddy username, select{" "}
          <Ui>Manage</Ui> next to your user, then <Ui>Edit</Ui> under <Ui>Account information</Ui>, set{" "}
          <Ui>Administrator permissions</Ui> to <Ui>Yes</Ui> and save. GoDaddy then gives that account the Global Administrator
          role in Microsoft 365 (it can take 15 minutes); sign in to the Entra admin center with it and follow the steps. With
          another provider, ask it to grant consent for you (step 4) or to give your account the Global Administrator role. Some
          businesses move their subscription to Microsoft directly to get full control; your provider can explain what that
          involves.
        </p>
        <p>
          In the meantime your agents can still use {productName} by syncing with a free Gmail account: ask your {vendorName} contact.
        </p>
      </Problem>

      <Problem id="conditional-access" title="Conditional Access blocks the app">
        <p>
          Conditional Access policies can apply to workload identities (apps) as well as people, with a Microsoft Entra Workload ID
          licence. A policy that blocks sign-ins from unknown locations also blocks {productName}’s servers, and the checks report that
          Conditional Access blocked the sign-in (Microsoft’s code AADSTS53003).
        </p>
        <p>
          Either exclude {literals.appName} from that policy (<Ui>Entra ID</Ui> &gt; <Ui>Conditional Access</Ui> &gt;{" "}
          <Ui>Policies</Ui>, open the policy and exclude the app from the workload identities it covers), or ask {vendorName} for the
          addresses its servers connect from and add them to a trusted named location. The <Ui>Service principal sign-ins</Ui> tab of{" "}
          <Ui>Sign-in logs</Ui> (under <Ui>Monitoring &amp; health</Ui>) shows each attempt and the policy that stopped it.
        </p>
      </Problem>

      <Problem id="secret-expiring" title="The secret is about to expire">
        <p>
          Add a new secret to the same app (<StepLink anchor="create-secret">steps 5</StepLink> and{" "}
          <StepLink anchor="copy-secret-value">6</StepLink>), and ask your {vendorName} contact for a link to submit it with its new
          date. Delete the old secret once the new one is confirmed. The app, its IDs and its permissions stay as they are.
        </p>
      </Problem>

      <Problem id="screen-differs" title="The admin center looks different from the drawings">
        <p>
          Microsoft changes the admin center from time to time. The search box at the top finds any page by its name, such as “App
          registrations”. Tell us with the <Ui>This screen looks different</Ui> link under the drawing, so we can update it.
        </p>
      </Problem>
    </section>
  );
}
