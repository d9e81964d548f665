import Link from "next/link";
import { getBrokerageSession } from "@/lib/auth/require-brokerage-session";
import { branding } from "@/lib/branding";

/**
 * Without a session (it lasts 12 hours, or was ended): say so and how to get back in.
 * With one, another brokerage's page and a page that does not exist look alike: nothing is revealed.
 */
export default async function SubmitNotFound() {
  const session = await getBrokerageSession();
  if (!session) return <SessionEnded />;
  return (
    <div className="max-w-2xl space-y-4">
      <h1 className="text-3xl font-bold">Page not found</h1>
      <p className="text-lg">If you typed the web address, check it is correct.</p>
      <p className="text-lg">
        <Link className="text-brand-700 underline" href="/submit">
          Go to your setup page
        </Link>
      </p>
    </div>
  );
}

function SessionEnded() {
  const { vendorName, supportEmail } = branding();
  return (
    <div className="max-w-2xl space-y-4" data-session-ended>
      <h1 className="text-3xl font-bold">Your session has ended</h1>
      <p className="text-lg">
        For your security, a session on this site ends after 12 hours, when you sign out, or when your invite link is
        replaced. Nothing you sent is lost.
      </p>
      <h2 className="text-xl font-bold">To carry on</h2>
      <ul className="list-disc space-y-2 pl-6 text-lg">
        <li>Open the link in your invite email again, if it has not expired.</li>
        <li>
          Otherwise ask the person at {vendorName} who sent it for a new link, or email{" "}
          <a className="text-brand-700 underline" href={`mailto:${supportEmail}`}>
            {supportEmail}
          </a>
          .
        </li>
      </ul>
      <p>
        To set up the app in the meantime, follow the{" "}
        <Link className="text-brand-700 underline" href="/guide">
          setup guide
        </Link>
        .
      </p>
    </div>
  );
}
