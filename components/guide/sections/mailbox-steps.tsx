import { REQUIRED_PERMISSIONS } from "@/lib/microsoft/permissions";
import { powershellSingleQuote as q } from "@/lib/guide/quote";
import { stepByAnchor } from "@/lib/guide/steps";
import type { GuideContext } from "../guide-context";
import { CodeBlock, Inset, linkClass, StepFigure, StepSection, Ui } from "../guide-ui";
import { ChooseTestMailboxDrawing, LimitMailboxAccessDrawing } from "../illustrations/other-screens";

/** Steps 7 and 8: the test mailbox, and (optionally) limiting the app to agents' mailboxes. */

export function ChooseTestMailboxStep({ ctx }: { ctx: GuideContext }) {
  const step = stepByAnchor("choose-test-mailbox");
  const { appName, secretDescription } = ctx.literals;
  return (
    <StepSection step={step}>
      <p>When you submit, the checks prove the sync works on one mailbox. Choose an agent’s mailbox, or a test user’s, that:</p>
      <ul className="list-disc space-y-2 pl-6">
        <li>belongs to a normal user with a Microsoft 365 licence that includes Exchange Online;</li>
        <li>is in your tenant: its address ends in one of your organisation’s domains;</li>
        <li>is in Exchange Online, not on an Exchange server in your own building.</li>
      </ul>
      <p>
        Not an administrator account (these often have no mailbox), a group, or a user without a licence: the checks cannot use
        those. A shared, room or equipment mailbox is a poor choice too: the checks may pass there, but it proves little about an
        agent’s mailbox, and a room or equipment mailbox may answer the test event on its own. The Microsoft 365 admin center
        (admin.microsoft.com) lists each user’s licences under <Ui>Users</Ui> &gt; <Ui>Active users</Ui>.
      </p>
      <Inset>
        <p className="font-bold">What the checks do in that mailbox</p>
        <p>
          They create a test calendar event (no attendees, shown as free) and a test contact and delete both at once, and send one
          test message from the mailbox to itself. You can turn the message off when you submit. Let the mailbox’s owner know.
        </p>
      </Inset>
      <p>
        Copy the user’s sign-in name into your note: the <Ui>Username</Ui> column of <Ui>Active users</Ui> (its user principal
        name). It is usually the email address, but not always: when mail uses another domain or an alias, the address people
        write to finds no mailbox, and the sign-in name does.
      </p>
      <StepFigure
        step={step}
        label="Drawing of Active users in the Microsoft 365 admin center"
        description="Three users are listed. Jordan Lee, with a Business Standard licence, is marked in green as a good test mailbox. An admin account and an unlicensed user are marked in red as unsuitable. A note says shared mailboxes, listed under Teams & groups, are unsuitable too."
        drawing={(ids) => <ChooseTestMailboxDrawing {...ids} appName={appName} secretDescription={secretDescription} />}
      />
    </StepSection>
  );
}

export function LimitMailboxAccessStep({ ctx }: { ctx: GuideContext }) {
  const step = stepByAnchor("limit-mailbox-access");
  const { appName, secretDescription } = ctx.literals;
  const scope = `${ctx.productName} mailboxes`;
  const roles = REQUIRED_PERMISSIONS.map((p) => q(`Application ${p.name}`)).join(", ");
  const rbac = [
    "Connect-ExchangeOnline",
    "$group = Get-DistributionGroup -Identity 'agents@yourbrokerage.com'",
    `New-ManagementScope -Name ${q(scope)} -RecipientRestrictionFilter "MemberOfGroup -eq '$($group.DistinguishedName)'"`,
    `New-ServicePrincipal -AppId '<Client ID>' -ObjectId '<Object ID>' -DisplayName ${q(appName)}`,
    `foreach ($role in ${roles}) {`,
    `  New-ManagementRoleAssignment -App '<Client ID>' -Role $role -CustomResourceScope ${q(scope)}`,
    "}",
    "Test-ServicePrincipalAuthorization -Identity '<Client ID>' -Resource 'jordan@yourbrokerage.com'",
  ].join("\n");
  const policy = [
    "Connect-ExchangeOnline",
    `New-ApplicationAccessPolicy -AppId '<Client ID>' -PolicyScopeGroupId 'agents@yourbrokerage.com' -AccessRight RestrictAccess -Description ${q(`Limit ${appName} to agents`)}`,
    "Test-ApplicationAccessPolicy -Identity 'jordan@yourbrokerage.com' -AppId '<Client ID>'",
  ].join("\n");
  return (
    <StepSection step={step}>
      <p>
        Without this step, Microsoft lets the app reach every mailbox in your tenant. Exchange Online can restrict it to a set of
        mailboxes, such as your agents’. An Exchange Administrator does this in Exchange Online PowerShell. Put the agents’
        mailboxes, and the test mailbox, in a mail-enabled security group first; the examples call it agents@yourbrokerage.com.
      </p>
      <p>Microsoft offers two ways. Choose one.</p>

      <h3 className="pt-2 text-xl font-bold">RBAC for Applications (Microsoft’s recommended way)</h3>
      <p>
        You give the app Exchange roles that apply only to a management scope, then remove the organisation-wide consent from step 4.
        Microsoft adds the two together, so while that consent remains, the app still reaches every mailbox.
      </p>
      <ol className="list-decimal space-y-3 pl-6">
        <li>
          Find the app’s <Ui>Object ID</Ui> as an enterprise application: in the Entra admin center, select <Ui>Entra ID</Ui> &gt;{" "}
          <Ui>Enterprise apps</Ui>, open {appName} and copy <Ui>Object ID</Ui> from its Overview. It differs from the Object ID on the
          app registration’s page.
        </li>
        <li>
          Run these commands, with your Client ID, that Object ID and your addresses in place of the examples:
          <div className="mt-2">
            <CodeBlock code={rbac} label="the RBAC for Applications commands" />
          </div>
          The last command should list the three roles with <code className="font-mono">InScope</code> set to{" "}
          <code className="font-mono">True</code> for the test mailbox.
        </li>
        <li>
          Back on the app’s <Ui>API permissions</Ui> page, select the <Ui>…</Ui> beside each of the three permissions and choose{" "}
          <Ui>Revoke admin consent</Ui>.
        </li>
      </ol>
      <Inset tone="warning">
        <p>
          Our checks read the permissions that Microsoft Entra grants the app. With RBAC for Applications, Entra no longer lists them,
          so the checks stop at the permission check and report consent missing, although the sync can work. If you choose this way,
          tell your {ctx.vendorName} contact when you submit, so they can confirm the result with you. Exchange can take up to two
          hours to apply role changes.
        </p>
      </Inset>

      <h3 className="pt-2 text-xl font-bold">Application access policy (the older way)</h3>
      <p>
        A policy keeps the consent from step 4 and tells Exchange which mailboxes the app may open, so our checks work unchanged.
        Microsoft is replacing these policies with RBAC for Applications and asks that no new ones be created; existing ones still
        work.
      </p>
      <CodeBlock code={policy} label="the application access policy commands" />
      <p>
        The last command should answer <code className="font-mono">AccessCheckResult : Granted</code> for the test mailbox.
      </p>
      <p>
        Either way, if the checks later report that a policy denied access, the test mailbox is outside the set: see{" "}
        <a href="#troubleshooting" className={linkClass}>
          Troubleshooting
        </a>
        .
      </p>
      <StepFigure
        step={step}
        label="Drawing of an Exchange Online PowerShell window"
        description="The window shows the RBAC for Applications commands in order: Connect-ExchangeOnline, New-ManagementScope, New-ServicePrincipal, New-ManagementRoleAssignment and Test-ServicePrincipalAuthorization. The test lists Application Calendars.ReadWrite, Application Contacts.ReadWrite and Application Mail.Send, each with InScope True, marked in green."
        drawing={(ids) => <LimitMailboxAccessDrawing {...ids} appName={appName} secretDescription={secretDescription} />}
      />
    </StepSection>
  );
}
