import type { Metadata } from "next";
import { branding } from "@/lib/branding";

export const metadata: Metadata = { title: "This link cannot be used" };

/** The same page for unknown, expired and revoked links: it names no brokerage and no reason. */
export default function UnusableInvitePage() {
  const { vendorName, supportEmail } = branding();
  return (
    <div className="max-w-2xl space-y-4">
      <h1 className="text-3xl font-bold">This link cannot be used</h1>
      <p className="text-lg">It may have expired, been replaced by a newer link, or been copied only in part.</p>
      <p>
        Ask the person at {vendorName} who sent it for a new link, or email{" "}
        <a className="text-brand-700 underline" href={`mailto:${supportEmail}`}>
          {supportEmail}
        </a>
        .
      </p>
    </div>
  );
}
