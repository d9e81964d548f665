import Link from "next/link";
import type { ReactNode } from "react";

/** One content grid for every header, nav and page: the same width and gutters. */
export const GRID = "mx-auto w-full max-w-5xl px-4";

/** The header of the public and brokerage pages: the product and the setup guide. */
export function PublicHeader({ productName }: { productName: string }) {
  return (
    <header className="no-print border-b-8 border-brand-600 bg-brand-800 text-white">
      <div className={`${GRID} flex flex-wrap items-baseline justify-between gap-2 py-3`}>
        <Link href="/" className="text-lg font-bold text-white no-underline hover:underline">
          {productName} <span className="font-normal">Microsoft 365 setup</span>
        </Link>
        <nav aria-label="Main">
          <Link href="/guide" className="text-white underline-offset-4 hover:underline">
            Setup guide
          </Link>
        </nav>
      </div>
    </header>
  );
}

/** The page's main region, on the content grid (the skip link's target). */
export function Main({ children }: { children: ReactNode }) {
  return (
    <main id="main" className={`${GRID} flex-1 py-8`}>
      {children}
    </main>
  );
}
