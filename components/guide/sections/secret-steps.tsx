import { stepByAnchor } from "@/lib/guide/steps";
import { CopyValue } from "../copy-value";
import type { GuideContext } from "../guide-context";
import { Inset, linkClass, StepFigure, StepSection, Ui } from "../guide-ui";
import { CopySecretValueDrawing, CreateSecretDrawing } from "../illustrations/entra-screens";

/** Steps 5 and 6: create the client secret and copy its Value (not its Secret ID). */

export function CreateSecretStep({ ctx }: { ctx: GuideContext }) {
  const step = stepByAnchor("create-secret");
  const { appName, secretDescription } = ctx.literals;
  return (
    <StepSection step={step}>
      <ol className="list-decimal space-y-3 pl-6">
        <li>
          In the app’s menu, under <Ui>Manage</Ui>, select <Ui>Certificates &amp; secrets</Ui>.
        </li>
        <li>
          On the <Ui>Client secrets</Ui> tab, select <Ui>New client secret</Ui>.
        </li>
        <li>
          Under <Ui>Description</Ui>, type <CopyValue value={secretDescription} what="the secret description" />
        </li>
        <li>
          Under <Ui>Expires</Ui>, choose <Ui>730 days (24 months)</Ui>: the longest the admin center offers.
        </li>
        <li>
          Select <Ui>Add</Ui>.
        </li>
      </ol>
      <p>
        Write down the date in the new secret’s <Ui>Expires</Ui> column: you submit it with the other values.
      </p>
      <Inset>
        <p className="font-bold">Why the longest lifetime</p>
        <p>
          When the secret expires, the sync stops until a new one is submitted. {ctx.vendorName} keeps the expiry date you submit and
          reminds you before it arrives, so you can add a new secret to the same app in good time.
        </p>
        <p>
          Microsoft recommends shorter lifetimes, under 12 months, for security. If your organisation prefers that, choose it: the
          reminder works for any date.
        </p>
        <p>
          Some organisations set an app management policy for secrets in Microsoft Entra. It can cap a secret’s lifetime (then
          choose a lifetime within the cap, or Microsoft refuses to add the secret) or forbid client secrets altogether (then
          Microsoft refuses to add any). If that happens, ask whoever manages that policy for an exception for this app, or use a
          certificate instead of a secret when {ctx.vendorName} offers that method.
        </p>
      </Inset>
      <StepFigure
        step={step}
        label="Drawing of the Certificates & secrets page with the Add a client secret panel"
        description={`Certificates & secrets is selected in the app’s menu (1) and New client secret is outlined (2). In the panel, the Description box holds ${secretDescription}, marked as the value to type; Expires shows 730 days (24 months), outlined (3); the Add button is numbered 4.`}
        drawing={(ids) => <CreateSecretDrawing {...ids} appName={appName} secretDescription={secretDescription} />}
      />
    </StepSection>
  );
}

export function CopySecretValueStep({ ctx }: { ctx: GuideContext }) {
  const step = stepByAnchor("copy-secret-value");
  const { appName, secretDescription } = ctx.literals;
  return (
    <StepSection step={step}>
      <p>
        The new secret appears in the list with two look-alike columns. Copy the right one now: the admin center shows it only until
        you leave the page.
      </p>
      <div className="grid gap-4 sm:grid-cols-2">
        <div className="break-inside-avoid border-4 border-success p-4">
          <p className="text-lg font-bold text-success">
            <span aria-hidden="true">✓ </span>Copy this: Value
          </p>
          <p className="mt-2">
            A long mix of letters, digits and symbols, often about 40 characters, such as{" "}
            <code className="font-mono">Xy8Q~k2…</code>
          </p>
          <p className="mt-2">Select the copy icon beside it.</p>
        </div>
        <div className="break-inside-avoid border-4 border-dashed border-error p-4">
          <p className="text-lg font-bold text-error">
            <span aria-hidden="true">✗ </span>Not this: Secret ID
          </p>
          <p className="mt-2">
            Always shaped like <code className="break-all font-mono">6f1c9a0e-1b2c-4d3e-8f4a-5b6c7d8e9f00</code>.
          </p>
          <p className="mt-2">It only names the secret; it cannot be used to connect.</p>
        </div>
      </div>
      <p>
        Paste the Value straight into the submission form, or into a password manager until you submit. Do not email it or keep it
        in a shared document.
      </p>
      <Inset tone="warning">
        <p className="font-bold">Left the page before copying?</p>
        <p>
          The Value now shows only its first three characters and cannot be recovered. Delete that secret, create a new one (
          <a href="#create-secret" className={linkClass}>
            step 5
          </a>
          ) and copy its Value. The app and its IDs stay the same.
        </p>
      </Inset>
      <StepFigure
        step={step}
        label="Drawing of the new client secret in the Client secrets list"
        description="A note says the Value can be copied now only. In the secret’s row, the Expires date is marked “Write down”, the Value with its copy icon is marked in green as the value to copy, and the Secret ID is marked in red: not this one. Below, the drawing explains that the Value is a long mix of letters, digits and symbols, while a Secret ID is always shaped like a GUID."
        drawing={(ids) => <CopySecretValueDrawing {...ids} appName={appName} secretDescription={secretDescription} />}
      />
    </StepSection>
  );
}
