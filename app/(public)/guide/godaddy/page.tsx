import type { Metadata } from "next";
import { GoDaddyBranch } from "@/components/providers/godaddy-branch";
import { branding } from "@/lib/branding";

export const metadata: Metadata = { title: "Microsoft 365 bought through GoDaddy" };

export default function GoDaddyPage() {
  return <GoDaddyBranch {...branding()} />;
}
