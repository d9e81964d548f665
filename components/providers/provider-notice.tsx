import Link from "next/link";
import { BRANCH_PATHS, branchOf } from "@/lib/providers/describe";
import type { ProviderDetection } from "@/lib/providers/types";

const WORDS = {
  godaddy: {
    title: "Your Microsoft 365 was bought through GoDaddy",
    body: (domain: string) =>
      `${domain} signs in through GoDaddy. GoDaddy keeps the administrator role this setup needs, so read what to do about it before you start. You can still send this form: we check it with Microsoft either way.`,
    link: "What to do with GoDaddy’s Microsoft 365",
  },
  "google-workspace": {
    title: "Your email looks like Google Workspace",
    body: (domain: string) => `Mail for ${domain} goes to Google Workspace. This form is for Microsoft 365; Google Workspace has its own steps and a shorter form.`,
    link: "What to do with Google Workspace",
  },
  other: {
    title: "Your email does not look like Microsoft 365",
    body: (domain: string) => `${domain} does not appear to use Microsoft 365 or Google Workspace. This form is for Microsoft 365.`,
    link: "What your agents can do instead",
  },
} as const;

/**
 * On the invite pages: a word before the form when the invited brokerage's domain points
 * to another branch than plain Microsoft 365. Guides only; the form stays open.
 */
export function ProviderNotice({ detection }: { detection: ProviderDetection | undefined }) {
  const branch = detection ? branchOf(detection) : "unknown";
  if (!detection || branch === "microsoft" || branch === "unknown") return null;
  const words = WORDS[branch];
  return (
    <section aria-labelledby="provider-notice-heading" className="mb-8 border-l-[6px] border-brand-700 bg-brand-50 px-4 py-3">
      <h2 id="provider-notice-heading" className="text-xl font-bold">
        {words.title}
      </h2>
      <p className="mt-2">{words.body(detection.domain)}</p>
      <p className="mt-2">
        <Link className="font-bold text-brand-700 underline" href={BRANCH_PATHS[branch]}>
          {words.link}
        </Link>
        {branch === "google-workspace" ? (
          <>
            {" "}
            or{" "}
            <Link className="font-bold text-brand-700 underline" href="/submit/google-workspace">
              send your Google Workspace details
            </Link>
          </>
        ) : null}
      </p>
    </section>
  );
}
