import { REQUIRED_PERMISSIONS } from "@/lib/microsoft/permissions";
import { stepByAnchor } from "@/lib/guide/steps";
import { CopyValue } from "../copy-value";
import type { GuideContext } from "../guide-context";
import { AdminMailLink, Inset, linkClass, StepFigure, StepSection, Ui } from "../guide-ui";
import { AddPermissionsDrawing, CopyIdsDrawing, GrantConsentDrawing, RegisterAppDrawing } from "../illustrations/entra-screens";

/** Steps 1 to 4: register the app, copy its IDs, add and consent to the permissions. */

export function RegisterAppStep({ ctx }: { ctx: GuideContext }) {
  const step = stepByAnchor("register-app");
  const { appName, secretDescription } = ctx.literals;
  return (
    <StepSection step={step}>
      <p>
        Sign in to the Microsoft Entra admin center at{" "}
        <a href="https://entra.microsoft.com" className={linkClass}>
          entra.microsoft.com
        </a>
        . If you look after more than one organisation, check the name at the top right first; the Settings icon switches between
        them.
      </p>
      <ol className="list-decimal space-y-3 pl-6">
        <li>
          In the left menu, select <Ui>Entra ID</Ui>, then <Ui>App registrations</Ui>. In older menus the path is <Ui>Identity</Ui>{" "}
          &gt; <Ui>Applications</Ui> &gt; <Ui>App registrations</Ui>. Typing “App registrations” in the search box at the top works
          too.
        </li>
        <li>
          Select <Ui>New registration</Ui>.
        </li>
        <li>
          Under <Ui>Name</Ui>, type <CopyValue value={appName} what="the app name" />
          <span className="mt-1 block">Any name works; this one tells your colleagues what the app is for.</span>
        </li>
        <li>
          Under <Ui>Supported account types</Ui>, choose <Ui>Accounts in this organizational directory only</Ui> (single tenant).
          Newer screens may call it <Ui>Single tenant only</Ui>.
        </li>
        <li>
          Leave <Ui>Redirect URI</Ui> empty and select <Ui>Register</Ui>.
        </li>
      </ol>
      <p>The app’s Overview page opens. Keep it open for the next step.</p>
      <StepFigure
        step={step}
        label="Drawing of the App registrations page and the Register an application form"
        description={`New registration is outlined and numbered 1. In the form below it, the Name box holds ${appName}, marked as the value to type. The option “Accounts in this organizational directory only (single tenant)” is selected and numbered 2. The Register button is numbered 3.`}
        drawing={(ids) => <RegisterAppDrawing {...ids} appName={appName} secretDescription={secretDescription} />}
      />
    </StepSection>
  );
}

export function CopyIdsStep({ ctx }: { ctx: GuideContext }) {
  const step = stepByAnchor("copy-ids");
  const { appName, secretDescription } = ctx.literals;
  return (
    <StepSection step={step}>
      <p>
        On the app’s <Ui>Overview</Ui> page, under <Ui>Essentials</Ui>, copy two values with the copy icon beside each, and keep them
        in your note:
      </p>
      <ul className="list-disc space-y-2 pl-6">
        <li>
          <Ui>Application (client) ID</Ui>: this is the <strong>Client ID</strong>.
        </li>
        <li>
          <Ui>Directory (tenant) ID</Ui>: this is the <strong>Tenant ID</strong>.
        </li>
      </ul>
      <p>
        Both look like <code className="font-mono">1f0c8e2a-7b4d-4c9e-a3d1-5e6f7a8b9c0d</code>. The <Ui>Object ID</Ui> on the same
        page has the same shape but identifies something else: do not use it.
      </p>
      <StepFigure
        step={step}
        label="Drawing of the app’s Overview page"
        description="Under Essentials, the values of Application (client) ID and Directory (tenant) ID are each marked in green as values to copy, with a copy icon beside them. The Object ID between them is marked in red: not this one."
        drawing={(ids) => <CopyIdsDrawing {...ids} appName={appName} secretDescription={secretDescription} />}
      />
    </StepSection>
  );
}

export function AddPermissionsStep({ ctx }: { ctx: GuideContext }) {
  const step = stepByAnchor("add-permissions");
  const { appName, secretDescription } = ctx.literals;
  return (
    <StepSection step={step}>
      <ol className="list-decimal space-y-3 pl-6">
        <li>
          In the app’s menu, under <Ui>Manage</Ui>, select <Ui>API permissions</Ui>.
        </li>
        <li>
          Select <Ui>Add a permission</Ui>, then <Ui>Microsoft Graph</Ui>.
        </li>
        <li>
          Select <Ui>Application permissions</Ui>, not Delegated permissions. The sync works without anyone signed in, which only
          application permissions allow.
        </li>
        <li>
          Type each name below in the search box and tick it:
          <ul className="mt-2 space-y-2">
            {REQUIRED_PERMISSIONS.map((p) => (
              <li key={p.name} data-permission={p.name}>
                <CopyValue value={p.name} /> <span className="text-muted">(listed under {p.group})</span>
              </li>
            ))}
          </ul>
        </li>
        <li>
          Select <Ui>Add permissions</Ui>. If a tick disappeared while you searched, repeat from <Ui>Add a permission</Ui> for the
          missing one.
        </li>
      </ol>
      <p>
        <Ui>Configured permissions</Ui> now lists all three with the type <Ui>Application</Ui>. Their status reads “Not granted” until
        the next step. <code className="font-mono">User.Read</code> (Delegated) is often there already; the sync does not use it, so
        you can leave it or remove it.
      </p>
      <StepFigure
        step={step}
        label="Drawing of the API permissions page with the Request API permissions panel open"
        description="API permissions is selected in the app’s menu (1) and Add a permission is outlined (2). In the panel for Microsoft Graph, the Application permissions tile is outlined (3). Calendars.ReadWrite, Contacts.ReadWrite and Mail.Send are ticked, marked in green, and the Add permissions button is numbered 4."
        drawing={(ids) => <AddPermissionsDrawing {...ids} appName={appName} secretDescription={secretDescription} />}
      />
    </StepSection>
  );
}

export function GrantConsentStep({ ctx }: { ctx: GuideContext }) {
  const step = stepByAnchor("grant-consent");
  const { appName, secretDescription } = ctx.literals;
  return (
    <StepSection step={step}>
      <p>Still on API permissions:</p>
      <ol className="list-decimal space-y-3 pl-6">
        <li>
          Select <Ui>Grant admin consent for</Ui> followed by your organisation’s name.
        </li>
        <li>
          Select <Ui>Yes</Ui> to confirm.
        </li>
      </ol>
      <p>
        The <Ui>Status</Ui> column now shows a green tick and “Granted for” your organisation against all three permissions.
      </p>
      <Inset tone="warning">
        <p className="font-bold">Is the button greyed out?</p>
        <p>
          Your account cannot grant consent to Microsoft Graph application permissions: only a Global Administrator or a Privileged
          Role Administrator can. Send them this step. They open the same app (Entra ID, App registrations, All applications,{" "}
          {appName}) and make these two clicks.
        </p>
        <AdminMailLink href={ctx.adminMailto} />
      </Inset>
      <p>Microsoft can take a few minutes to apply consent everywhere. If the checks say a permission is missing straight after, wait five minutes and check again.</p>
      <StepFigure
        step={step}
        label="Drawing of the API permissions page after consent"
        description="The Grant admin consent for Contoso Realty button is outlined (1). Below, under Microsoft Graph, Calendars.ReadWrite, Contacts.ReadWrite and Mail.Send each show the type Application and the status Granted for Contoso, marked in green. A confirmation box asks whether to grant consent for all accounts, with its Yes button numbered 2."
        drawing={(ids) => <GrantConsentDrawing {...ids} appName={appName} secretDescription={secretDescription} />}
      />
    </StepSection>
  );
}
