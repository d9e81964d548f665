import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { Button } from "@/components/form/button";
import { branding } from "@/lib/branding";
import { isWellFormedInviteToken } from "@/lib/invites/tokens";

// A form posted without JavaScript carries its Origin only with this policy (see next.config.mjs).
export const metadata: Metadata = { title: "Set up Microsoft 365 access", referrer: "same-origin" };
export const dynamic = "force-dynamic";

/**
 * Opening an invite link only shows this page: mail scanners and link previews fetch
 * links, so a GET must not open a session or move the brokerage to "opened". The
 * button posts to ./open, which redeems the link (lib/invites/redeem.ts).
 */
export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  if (!isWellFormedInviteToken(token)) redirect("/invite/unusable");
  const { productName, vendorName } = branding();
  return (
    <div className="max-w-2xl space-y-4">
      <h1 className="text-3xl font-bold">Set up Microsoft 365 access for {productName}</h1>
      <p className="text-lg">
        {vendorName} invited you to connect your brokerage&apos;s Microsoft 365 to {productName}. Continue to see what you
        will need and to enter your details.
      </p>
      <form method="post" action={`/invite/${token}/open`}>
        <Button type="submit">Continue</Button>
      </form>
    </div>
  );
}
