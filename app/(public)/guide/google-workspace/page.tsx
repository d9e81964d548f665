import type { Metadata } from "next";
import { GoogleWorkspaceBranch } from "@/components/providers/google-workspace-branch";
import { InviteContinue } from "@/components/providers/invite-continue";
import { branding } from "@/lib/branding";
import { adminConsoleDelegationLink, scopeListForAdminConsole } from "@/lib/google/scopes";
import { configuredGoogleClientId } from "@/lib/google/service-account";

export const metadata: Metadata = { title: "Google Workspace" };

export default async function GoogleWorkspacePage({ searchParams }: { searchParams: Promise<{ from?: string }> }) {
  const { from } = await searchParams;
  const clientId = configuredGoogleClientId();
  return (
    <>
      {from === "invite" ? <InviteContinue href="/submit/google-workspace" /> : null}
      <GoogleWorkspaceBranch
        {...branding()}
        clientId={clientId}
        scopeList={scopeListForAdminConsole()}
        adminConsoleLink={clientId ? adminConsoleDelegationLink(clientId) : null}
        formHref={from === "invite" ? "/submit/google-workspace" : undefined}
      />
    </>
  );
}
