import { Main, PublicHeader } from "@/components/chrome/page-chrome";
import { branding } from "@/lib/branding";

export default function PublicLayout({ children }: { children: React.ReactNode }) {
  return (
    <>
      <PublicHeader productName={branding().productName} />
      <Main>{children}</Main>
    </>
  );
}
