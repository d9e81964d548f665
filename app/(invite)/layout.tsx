import type { Metadata } from "next";
import { Main, PublicHeader } from "@/components/chrome/page-chrome";
import { branding } from "@/lib/branding";

// Invite links and the brokerage's own pages are private: kept out of search engines.
export const metadata: Metadata = { robots: { index: false, follow: false } };

export default function InviteLayout({ children }: { children: React.ReactNode }) {
  return (
    <>
      <PublicHeader productName={branding().productName} />
      <Main>{children}</Main>
    </>
  );
}
