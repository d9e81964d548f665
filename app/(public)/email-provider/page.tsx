import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { ErrorSummary } from "@/components/form/error-summary";
import { EmailDomainForm } from "@/components/providers/email-domain-form";
import { BRANCH_PATHS, branchOf } from "@/lib/providers/describe";
import { detectProvider } from "@/lib/providers/detect";
import { normaliseEmailDomain } from "@/lib/providers/domain";

/**
 * From a work email domain to the branch of the guide that fits it (DESIGN §10). Reached by
 * the GET form on the start page and the guide; a domain that cannot be told gets every branch.
 */

export const dynamic = "force-dynamic";

const TITLE = "Which email service does your brokerage use?";
const FORMAT_ERROR = "Enter a work email address or domain in the correct format, like yourbrokerage.com";

type Search = Promise<{ domain?: string | string[] }>;
const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export async function generateMetadata({ searchParams }: { searchParams: Search }): Promise<Metadata> {
  const typed = first((await searchParams).domain)?.trim();
  return { title: typed && !normaliseEmailDomain(typed) ? `Error: ${TITLE}` : TITLE };
}

export default async function EmailProviderPage({ searchParams }: { searchParams: Search }) {
  const typed = first((await searchParams).domain);
  // The question is optional: nothing typed leads to the Microsoft 365 guide, as the start page does.
  if (typed !== undefined && typed.trim() === "") redirect("/guide");
  const domain = typed === undefined ? undefined : normaliseEmailDomain(typed);
  const error = typed !== undefined && !domain ? FORMAT_ERROR : undefined;

  if (domain) {
    const detection = await detectProvider(domain);
    const branch = branchOf(detection);
    if (branch !== "unknown") redirect(BRANCH_PATHS[branch]);
    return <CouldNotTell domain={domain} />;
  }

  return (
    <div className="max-w-2xl">
      <ErrorSummary errors={error ? [{ id: "domain", message: error }] : []} />
      <h1 className="mb-4 text-3xl font-bold sm:text-4xl">{TITLE}</h1>
      <p className="mb-6 text-lg">
        The setup differs between Microsoft 365, Microsoft 365 bought through GoDaddy, and Google Workspace. Tell us your
        work email domain and we show the steps that fit.
      </p>
      <EmailDomainForm value={typed} error={error} />
    </div>
  );
}

function CouldNotTell({ domain }: { domain: string }) {
  return (
    <div className="max-w-2xl">
      <h1 className="mb-4 break-words text-3xl font-bold sm:text-4xl">We could not tell which email service {domain} uses</h1>
      <p className="mb-4 text-lg">
        Microsoft or the domain&apos;s DNS did not answer in time, or they did not say enough. Choose the one your brokerage
        uses; if you are not sure, ask whoever manages your email.
      </p>
      <ul className="mb-8 list-disc space-y-2 pl-6 text-lg">
        <li>
          <Link className="text-brand-700 underline" href={BRANCH_PATHS.microsoft}>
            Microsoft 365
          </Link>{" "}
          (bought from Microsoft or a Microsoft partner)
        </li>
        <li>
          <Link className="text-brand-700 underline" href={BRANCH_PATHS.godaddy}>
            Microsoft 365 bought through GoDaddy
          </Link>
        </li>
        <li>
          <Link className="text-brand-700 underline" href={BRANCH_PATHS["google-workspace"]}>
            Google Workspace
          </Link>
        </li>
        <li>
          <Link className="text-brand-700 underline" href={BRANCH_PATHS.other}>
            Something else, or no office email
          </Link>
        </li>
      </ul>
      <p>
        <Link className="text-brand-700 underline" href={`/email-provider?domain=${encodeURIComponent(domain)}`}>
          Try {domain} again
        </Link>
      </p>
    </div>
  );
}
