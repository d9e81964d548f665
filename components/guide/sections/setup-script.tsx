import { SETUP_SCRIPT_ANCHOR } from "@/lib/guide/steps";
import type { GuideContext } from "../guide-context";
import { Inset, linkClass } from "../guide-ui";
import { ScriptGenerator } from "../script-generator";

export function SetupScript({ ctx }: { ctx: GuideContext }) {
  return (
    <section
      id={SETUP_SCRIPT_ANCHOR}
      aria-labelledby={`${SETUP_SCRIPT_ANCHOR}-heading`}
      className="guide-section scroll-mt-4 space-y-4 border-t-2 border-gray-300 pt-8"
    >
      <h2 id={`${SETUP_SCRIPT_ANCHOR}-heading`} className="text-2xl font-bold sm:text-3xl">
        <span className="block text-lg font-normal text-muted">Instead of steps 1 to 6</span>
        Do it with a script
      </h2>
      <p>
        If you are a Global Administrator or a Privileged Role Administrator, one script can do steps 1 to 6 for you. It registers a
        single-tenant app, adds the three Microsoft Graph application permissions, grants admin consent, creates a client secret, and
        prints the four values to submit, in the form’s order. Then continue at{" "}
        <a href="#choose-test-mailbox" className={linkClass}>
          step 7
        </a>
        .
      </p>
      <ul className="list-disc space-y-2 pl-6">
        <li>
          Azure Cloud Shell needs an Azure subscription in your tenant. If your organisation has Microsoft 365 but no Azure
          subscription, use the PowerShell script on your computer, or follow the steps by hand.
        </li>
        <li>The secret’s Value appears once, in your window. Copy it straight into the submission form or a password manager.</li>
        <li>
          Running the script again is safe: it finds the app of exactly that name and finishes it instead of creating a second
          one. If a step fails because Microsoft is still copying the new app to its servers, the script waits and tries again
          for about two minutes; if it stops, it prints the IDs it has and what to do next.
        </li>
      </ul>
      <Inset>
        <p>
          If your account cannot grant consent, the script still creates the app and the secret, then lists the permissions that
          await consent. A Global Administrator can finish with{" "}
          <a href="#grant-consent" className={linkClass}>
            step 4
          </a>
          .
        </p>
      </Inset>
      <div className="print:hidden">
        <ScriptGenerator
          productName={ctx.productName}
          defaultAppName={ctx.literals.appName}
          secretDescription={ctx.literals.secretDescription}
          guideUrl={ctx.guideUrl}
        />
      </div>
      <p className="hidden print:block">
        Choose the script’s options and copy it from this guide online: {ctx.guideUrl}#{SETUP_SCRIPT_ANCHOR}
      </p>
    </section>
  );
}
