import type { Metadata } from "next";
import { GoDaddyBranch } from "@/components/providers/godaddy-branch";
import { InviteContinue } from "@/components/providers/invite-continue";
import { branding } from "@/lib/branding";

export const metadata: Metadata = { title: "Microsoft 365 bought through GoDaddy" };

export default async function GoDaddyPage({ searchParams }: { searchParams: Promise<{ from?: string }> }) {
  const { from } = await searchParams;
  return (
    <>
      {from === "invite" ? <InviteContinue /> : null}
      <GoDaddyBranch {...branding()} />
    </>
  );
}
