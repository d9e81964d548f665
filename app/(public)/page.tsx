import Link from "next/link";
import { buttonClass } from "@/components/form/button";
import { EmailDomainForm } from "@/components/providers/email-domain-form";
import { branding } from "@/lib/branding";

export default function StartPage() {
  const { productName, vendorName } = branding();
  return (
    <div className="max-w-2xl space-y-6">
      <h1 className="text-3xl font-bold sm:text-4xl">Connect your brokerage&apos;s Microsoft 365 to {productName}</h1>
      <p className="text-lg">
        {productName} keeps each agent&apos;s contacts and calendar in step with Microsoft 365 and sends email from the
        agent&apos;s own mailbox. Your email administrator sets this up once for the whole brokerage.
      </p>
      <h2 className="text-xl font-bold">What you will need</h2>
      <ul className="list-disc space-y-1 pl-6">
        <li>A Microsoft 365 account that can register apps and grant admin consent</li>
        <li>About 15 minutes, or 5 with the setup script</li>
        <li>The invite link {vendorName} sent you, to submit the result</li>
      </ul>
      <Link href="/guide" className={buttonClass("primary")}>
        Start the setup guide
      </Link>
      <section aria-labelledby="email-service-heading" className="space-y-3 border-t border-gray-300 pt-6">
        <h2 id="email-service-heading" className="text-xl font-bold">
          Bought Microsoft 365 through GoDaddy, or on Google Workspace?
        </h2>
        <p>
          The steps differ. Enter your work email domain and we show the ones that fit, before you start. Leave it empty to go
          straight to the Microsoft 365 guide.
        </p>
        <EmailDomainForm />
      </section>
    </div>
  );
}
