"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { ROLE_LABELS, type StaffRole } from "@/lib/auth/roles";

export type NavItem = { href: string; label: string };

/** The staff area's own navigation: only the sections this person's role can use. */
export function StaffNav({ items, name, role, signOut }: { items: NavItem[]; name: string; role: StaffRole; signOut: () => Promise<void> }) {
  const pathname = usePathname();
  // The deepest section containing this page is current (API keys, not Staff accounts, on /staff/admin/api-keys).
  const matches = (href: string) => pathname === href || (href !== "/staff" && pathname.startsWith(`${href}/`));
  const currentHref = items.filter((i) => matches(i.href)).sort((a, b) => b.href.length - a.href.length)[0]?.href;
  return (
    <div className="-mx-4 -mt-8 mb-8 border-b border-gray-300 bg-panel px-4 py-3">
      <div className="flex flex-col gap-3 sm:flex-row sm:items-center sm:justify-between">
        <nav aria-label="Staff area">
          <ul className="flex flex-wrap gap-x-5 gap-y-2">
            {items.map((item) => {
              const current = item.href === currentHref;
              return (
                <li key={item.href}>
                  <Link href={item.href} aria-current={current ? "page" : undefined} className={`text-brand-700 underline-offset-4 ${current ? "font-bold text-ink no-underline" : "underline"}`}>
                    {item.label}
                  </Link>
                </li>
              );
            })}
          </ul>
        </nav>
        <form action={signOut} className="flex flex-wrap items-center gap-3 text-sm">
          <span>
            {name} <span className="text-muted">({ROLE_LABELS[role]})</span>
          </span>
          <button type="submit" className="text-brand-700 underline">
            Sign out
          </button>
        </form>
      </div>
    </div>
  );
}
