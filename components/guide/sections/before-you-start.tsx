import { REQUIRED_PERMISSIONS } from "@/lib/microsoft/permissions";
import { stepByAnchor } from "@/lib/guide/steps";
import { SUBMISSION_FIELDS } from "@/lib/guide/submission-fields";
import type { GuideContext } from "../guide-context";
import { Inset, linkClass } from "../guide-ui";

const FIELD_FORMAT: Record<(typeof SUBMISSION_FIELDS)[number]["key"], string> = {
  tenantId: "a GUID, like 4a5b6c7d-8e9f-4a0b-9c1d-2e3f4a5b6c7d",
  clientId: "a GUID, like 1f0c8e2a-7b4d-4c9e-a3d1-5e6f7a8b9c0d",
  clientSecret: "a long mix of letters, digits and symbols (not the Secret ID)",
  secretExpiresOn: "the date in the secret’s Expires column",
  testMailbox: "an agent’s email address, like jordan@yourbrokerage.com",
};

export function BeforeYouStart({ ctx }: { ctx: GuideContext }) {
  const { productName, vendorName } = ctx;
  return (
    <section id="before-you-start" aria-labelledby="before-you-start-heading" className="guide-section scroll-mt-4 space-y-4">
      <h2 id="before-you-start-heading" className="text-2xl font-bold sm:text-3xl">
        Before you start
      </h2>
      <p>
        {productName} keeps each agent’s contacts and calendar in step with Microsoft 365, and sends the emails agents write in{" "}
        {productName} from their own mailbox. To do that without every agent signing in, it needs an <em>app registration</em> in
        your Microsoft 365 tenant: an identity for {productName} that Microsoft allows to read and write those items. You create it
        once, for the whole brokerage.
      </p>

      <h3 className="pt-2 text-xl font-bold">What the app can do, and what it never does</h3>
      <div className="overflow-x-auto">
        <table className="w-full border-collapse text-left">
          <caption className="sr-only">The Microsoft Graph application permissions the app receives</caption>
          <thead>
            <tr className="border-b-2 border-ink">
              <th scope="col" className="py-2 pr-4">
                Permission
              </th>
              <th scope="col" className="py-2">
                What {productName} does with it
              </th>
            </tr>
          </thead>
          <tbody>
            {REQUIRED_PERMISSIONS.map((p) => (
              <tr key={p.name} className="border-b border-gray-300 align-top">
                <td className="py-2 pr-4">
                  <code className="font-mono text-sm sm:text-base">{p.name}</code>
                  <span className="block text-sm text-muted">{p.group}</span>
                </td>
                <td className="py-2">
                  {p.purpose.charAt(0).toUpperCase() + p.purpose.slice(1)}
                  {p.group === "Mail" ? "; each message appears in that agent’s Sent Items" : ""}.
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p>
        <strong>Incoming email is never read.</strong> The app asks for no permission that reads mail, so Microsoft would refuse if it
        tried.
      </p>
      <Inset tone="warning">
        <p className="font-bold">These permissions reach every mailbox in your tenant</p>
        <p>
          Microsoft grants application permissions for all mailboxes, not only agents’. {productName} only works with the mailboxes
          of agents who use it, but if you want Microsoft to enforce that, limit the app to agents’ mailboxes in{" "}
          <a href="#limit-mailbox-access" className={linkClass}>
            step 8 (optional)
          </a>
          .
        </p>
      </Inset>

      <h3 className="pt-2 text-xl font-bold">Who can do this</h3>
      <ul className="list-disc space-y-2 pl-6">
        <li>
          Registering the app and creating its secret (steps 1 to 3, 5 and 6) needs only the <strong>Application Developer</strong>{" "}
          role (or any higher one, such as Application Administrator); in many organisations every user may register apps.
        </li>
        <li>
          Granting admin consent (step 4) to Microsoft Graph application permissions needs a <strong>Global Administrator</strong>{" "}
          or a <strong>Privileged Role Administrator</strong>. For anyone else, the Grant admin consent button is greyed out.
        </li>
        <li>
          Limiting the app to agents’ mailboxes (step 8, optional) needs an <strong>Exchange Administrator</strong>.
        </li>
      </ul>
      <p>
        It is simplest when one Global Administrator does it all. If that is not you, do the steps you can and send the consent step
        to them. The email names the app, lists the consent step’s clicks and links to this guide; it never holds a secret.
      </p>
      <p>
        <a
          href={ctx.adminMailto}
          className="inline-block rounded border-2 border-brand-700 px-4 py-2 font-bold text-brand-700 no-underline hover:bg-brand-50 print:hidden"
        >
          Send these steps to my Global Administrator
        </a>
      </p>

      <h3 className="pt-2 text-xl font-bold">What you will need at the end</h3>
      <p>You will submit five values. Collect them in a private note as you go, not in an email or a shared document.</p>
      <dl className="divide-y divide-gray-300 border-y border-gray-300">
        {SUBMISSION_FIELDS.map((field) => {
          const step = stepByAnchor(field.fromStep);
          return (
            <div key={field.key} className="gap-4 py-2 sm:grid sm:grid-cols-[14rem_1fr]">
              <dt className="font-bold">{field.label}</dt>
              <dd>
                {FIELD_FORMAT[field.key]}; from{" "}
                <a href={`#${step.anchor}`} className={linkClass}>
                  step {step.number}
                </a>
              </dd>
            </div>
          );
        })}
      </dl>
      <p>It takes about 15 minutes by hand, or about 5 with the setup script below.</p>

      <h3 className="pt-2 text-xl font-bold">How to read the drawings</h3>
      <ul className="space-y-2">
        <li className="flex items-start gap-3">
          <span aria-hidden="true" className="mt-0.5 inline-block h-5 w-8 shrink-0 rounded border-4 border-[#e8590c]" />
          <span>An orange outline with a number: select this, in the order of the numbers.</span>
        </li>
        <li className="flex items-start gap-3">
          <span aria-hidden="true" className="mt-0.5 inline-block h-5 w-8 shrink-0 rounded border-[3px] border-dashed border-success" />
          <span>A green dashed box: the value to copy or type.</span>
        </li>
        <li className="flex items-start gap-3">
          <span aria-hidden="true" className="mt-0.5 inline-block h-5 w-8 shrink-0 rounded border-[3px] border-dashed border-error" />
          <span>A red dashed box: a look-alike value that is not the one you want.</span>
        </li>
      </ul>

      <h3 className="pt-2 text-xl font-bold">If you have followed older instructions</h3>
      <p>
        Older instructions from {vendorName} sent you to the Azure Active Directory admin center, which is now the Microsoft Entra
        admin center; spelled one permission “Calendar.ReadWrite” (it is <code className="font-mono">Calendars.ReadWrite</code>);
        called the secret’s Value a “Value ID”; and asked for a service account. The app registration replaces the service account:
        no user password is needed.
      </p>
    </section>
  );
}
