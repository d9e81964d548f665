import type { Metadata } from "next";
import { OtherEmailBranch } from "@/components/providers/other-email-branch";
import { branding } from "@/lib/branding";

export const metadata: Metadata = { title: "Your email is not Microsoft 365 or Google Workspace" };

export default function OtherEmailPage() {
  return <OtherEmailBranch {...branding()} />;
}
