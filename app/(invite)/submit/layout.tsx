import type { Metadata } from "next";
import Link from "next/link";
import { getBrokerageSession } from "@/lib/auth/require-brokerage-session";

/** Forms here must also post without JavaScript, which needs the Origin header (see next.config.mjs). */
export const metadata: Metadata = { referrer: "same-origin" };

/** The brokerage administrator's pages: the form and their submissions. */
export default async function SubmitLayout({ children }: { children: React.ReactNode }) {
  const session = await getBrokerageSession();
  return (
    <>
      {session ? (
        <nav aria-label="Your setup" className="mb-6 flex gap-6 border-b border-gray-300 pb-3">
          <Link className="text-brand-700 underline" href="/submit">
            Your details
          </Link>
          <Link className="text-brand-700 underline" href="/submit/history">
            Your submissions
          </Link>
          <form method="post" action="/submit/sign-out" className="ml-auto">
            <button type="submit" className="text-brand-700 underline">
              Sign out
            </button>
          </form>
        </nav>
      ) : null}
      {children}
    </>
  );
}
