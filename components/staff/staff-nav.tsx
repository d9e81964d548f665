"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { GRID } from "@/components/chrome/page-chrome";

export type NavItem = { href: string; label: string };

/**
 * The staff area's own navigation: only the sections this person's role can use, on the
 * content grid, one line at every width (it scrolls sideways on a phone rather than wrap).
 */
export function StaffNav({ items }: { items: NavItem[] }) {
  const pathname = usePathname();
  // The deepest section containing this page is current (API keys, not Staff accounts, on /staff/admin/api-keys).
  const matches = (href: string) => pathname === href || (href !== "/staff" && pathname.startsWith(`${href}/`));
  const currentHref = items.filter((i) => matches(i.href)).sort((a, b) => b.href.length - a.href.length)[0]?.href;
  return (
    <nav aria-label="Staff area" className="border-b border-gray-300 bg-panel">
      <ul className={`${GRID} flex gap-x-5 overflow-x-auto whitespace-nowrap`}>
        {items.map((item) => {
          const current = item.href === currentHref;
          return (
            <li key={item.href} className="shrink-0">
              <Link
                href={item.href}
                aria-current={current ? "page" : undefined}
                className={`block border-b-4 py-3 underline-offset-4 ${current ? "border-brand-700 font-bold text-ink no-underline" : "border-transparent text-brand-700 underline"}`}
              >
                {item.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
