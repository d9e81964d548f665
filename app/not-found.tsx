import Link from "next/link";
import { Main, PublicHeader } from "@/components/chrome/page-chrome";
import { branding } from "@/lib/branding";

export default function NotFound() {
  return (
    <>
      <PublicHeader productName={branding().productName} />
      <Main>
        <h1 className="mb-4 text-3xl font-bold sm:text-4xl">Page not found</h1>
        <p className="text-lg">
          If you typed the address, check it is correct. You can start again from the{" "}
          <Link href="/" className="text-brand-700 underline">
            start page
          </Link>
          .
        </p>
      </Main>
    </>
  );
}
