import { EXCHANGE_APPLICATION_ROLES } from "@/lib/guide/exchange-rbac-script";
import { powershellSingleQuote as q } from "@/lib/guide/quote";
import { stepByAnchor } from "@/lib/guide/steps";
import type { GuideContext } from "../guide-context";
import { ExchangeRbacGenerator } from "../exchange-rbac-generator";
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
  const removeGrants = [
    "Connect-MgGraph -Scopes 'AppRoleAssignment.ReadWrite.All', 'Application.Read.All'",
    "$graph = Get-MgServicePrincipal -Filter \"appId eq '00000003-0000-0000-c000-000000000000'\"",
    "Get-MgServicePrincipalAppRoleAssignment -ServicePrincipalId '<Object ID>' -All |",
    "  Where-Object { $_.ResourceId -eq $graph.Id } |",
    "  ForEach-Object { Remove-MgServicePrincipalAppRoleAssignment -ServicePrincipalId '<Object ID>' -AppRoleAssignmentId $_.Id }",
  ].join("\n");
  const policy = [
    "Connect-ExchangeOnline",
    `New-ApplicationAccessPolicy -AppId '<Client ID>' -PolicyScopeGroupId 'agents@yourbrokerage.com' -AccessRight RestrictAccess -Description ${q(`Limit ${appName} to agents`)}`,
    "Test-ApplicationAccessPolicy -Identity 'jordan@yourbrokerage.com' -AppId '<Client ID>'",
  ].join("\n");
  return (
    <StepSection step={step}>
      <p>
        Without this step, Microsoft lets the app reach every mailbox in your tenant. Exchange Online can restrict it to your
        agents’ mailboxes with <strong>RBAC for Applications</strong>, Microsoft’s recommended way. An Exchange Administrator does
        this in Exchange Online PowerShell; the script below does it in one paste.
      </p>

      <h3 className="pt-2 text-xl font-bold">What it changes</h3>
      <ul className="list-disc space-y-2 pl-6">
        <li>
          Exchange gets its own reference to the app (a service principal) and a <Ui>management scope</Ui>: the members of a
          mail-enabled security group, such as agents@yourbrokerage.com. Put the agents’ mailboxes and the test mailbox in it.
        </li>
        <li>
          The app is given three Exchange roles, {EXCHANGE_APPLICATION_ROLES.map((r, i) => (
            <span key={r}>
              {i ? (i === EXCHANGE_APPLICATION_ROLES.length - 1 ? " and " : ", ") : ""}
              <code className="font-mono">{r}</code>
            </span>
          ))}
          , on that scope only.
        </li>
        <li>
          The organisation-wide consent of step 4 is removed. Microsoft adds Graph grants and Exchange grants together, so while that
          consent remains, the app still reaches every mailbox and the scope limits nothing.
        </li>
        <li>
          Agents outside the group will not sync. When someone joins, add them to the group. Exchange applies changes to roles,
          scopes and group members after 30 minutes to 2 hours.
        </li>
      </ul>

      <h3 className="pt-2 text-xl font-bold">The script</h3>
      <p>
        First install Microsoft’s modules once: <code className="font-mono">Install-Module ExchangeOnlineManagement, Microsoft.Graph.Applications -Scope CurrentUser</code>.
        Fill in your values; the script follows them. It registers the app in Exchange (<code className="font-mono">New-ServicePrincipal</code>),
        creates the scope (<code className="font-mono">New-ManagementScope</code> with a <code className="font-mono">MemberOfGroup</code>{" "}
        filter), assigns the three roles (<code className="font-mono">New-ManagementRoleAssignment</code>), checks the result with{" "}
        <code className="font-mono">Test-ServicePrincipalAuthorization</code>, and finally, once you type REMOVE, removes the
        organisation-wide Graph grants.
      </p>
      <ExchangeRbacGenerator productName={ctx.productName} appName={appName} guideUrl={ctx.guideUrl} />

      <h3 className="pt-2 text-xl font-bold">Removing the organisation-wide consent by hand</h3>
      <p>If you prefer the admin center to the script’s last step:</p>
      <ol className="list-decimal space-y-2 pl-6">
        <li>
          In the Entra admin center, select <Ui>Entra ID</Ui> &gt; <Ui>Enterprise apps</Ui> and open {appName}.
        </li>
        <li>
          Select <Ui>Security</Ui> &gt; <Ui>Permissions</Ui>. Under <Ui>Admin consent</Ui>, select the <Ui>…</Ui> beside Calendars.ReadWrite,
          Contacts.ReadWrite and Mail.Send in turn and choose <Ui>Revoke permission</Ui>, then confirm.
        </li>
        <li>
          The permissions may stay listed on the app registration’s <Ui>API permissions</Ui> page as “Not granted”: that is
          expected. Do not grant consent again.
        </li>
      </ol>
      <p>The same in Microsoft Graph PowerShell, with the enterprise application’s Object ID:</p>
      <CodeBlock code={removeGrants} label="the commands that remove the Graph grants" />

      <h3 className="pt-2 text-xl font-bold">When you submit</h3>
      <p>
        On the form, answer <Ui>Limited to a group of agents</Ui>, and give a mailbox outside the group, such as a front desk’s: the
        checks then prove the scope both ways, reaching the test mailbox through Exchange and being refused at the other. If the
        checks say the outside mailbox is readable, the organisation-wide consent is still there (or the scope is wider than the
        group). Right after the script, Exchange may not have applied the roles yet: check again after two hours before changing
        anything.
      </p>

      <h3 className="pt-2 text-xl font-bold">Application access policy (the older way)</h3>
      <p>
        A policy keeps the consent from step 4 and tells Exchange which mailboxes the app may open. Microsoft is replacing these
        policies with RBAC for Applications and asks that no new ones be created; existing ones still work, and the checks support them.
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
