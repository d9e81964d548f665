import type { Metadata } from "next";
import { GoogleWorkspaceBranch } from "@/components/providers/google-workspace-branch";
import { branding } from "@/lib/branding";

export const metadata: Metadata = { title: "Google Workspace" };

export default function GoogleWorkspacePage() {
  return <GoogleWorkspaceBranch {...branding()} />;
}
