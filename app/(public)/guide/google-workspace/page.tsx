import type { Metadata } from "next";
import { GoogleWorkspaceBranch } from "@/components/providers/google-workspace-branch";
import { InviteContinue } from "@/components/providers/invite-continue";
import { branding } from "@/lib/branding";

export const metadata: Metadata = { title: "Google Workspace" };

export default async function GoogleWorkspacePage({ searchParams }: { searchParams: Promise<{ from?: string }> }) {
  const { from } = await searchParams;
  return (
    <>
      {from === "invite" ? <InviteContinue /> : null}
      <GoogleWorkspaceBranch {...branding()} />
    </>
  );
}
