import Link from "next/link";
import type { ReactNode } from "react";

function PagesNav({ children }: { children: ReactNode }) {
  return (
    <nav aria-label="Pages" className="mt-6 flex flex-wrap items-center gap-6 text-lg">
      {children}
    </nav>
  );
}

type Numbered = { page: number; pages: number; href: (page: number) => string };
/** A keyset list knows only whether there is a next page and whether this is the first. */
type Keyset = { firstHref: string | null; nextHref: string | null; firstLabel?: string; nextLabel?: string };

/** Previous/next links that keep the current filters, for numbered or keyset lists. */
export function Pagination(props: Numbered | Keyset) {
  if ("pages" in props) {
    const { page, pages, href } = props;
    if (pages <= 1) return null;
    return (
      <PagesNav>
        {page > 1 ? (
          <Link href={href(page - 1)} className="text-brand-700 underline" rel="prev">
            Previous page
          </Link>
        ) : null}
        <span>
          Page {page} of {pages}
        </span>
        {page < pages ? (
          <Link href={href(page + 1)} className="text-brand-700 underline" rel="next">
            Next page
          </Link>
        ) : null}
      </PagesNav>
    );
  }
  const { firstHref, nextHref, firstLabel = "Back to the first page", nextLabel = "Next page" } = props;
  if (!firstHref && !nextHref) return null;
  return (
    <PagesNav>
      {firstHref ? (
        <Link href={firstHref} className="text-brand-700 underline">
          {firstLabel}
        </Link>
      ) : null}
      {nextHref ? (
        <Link href={nextHref} className="text-brand-700 underline" rel="next">
          {nextLabel}
        </Link>
      ) : null}
    </PagesNav>
  );
}
