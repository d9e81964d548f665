import Link from "next/link";
import { GRID } from "@/components/chrome/page-chrome";
import { ROLE_LABELS, type StaffRole } from "@/lib/auth/roles";
import { StaffNav, type NavItem } from "./staff-nav";

type SignedIn = { name: string; role: StaffRole; items: NavItem[]; signOut: () => Promise<void> };

/** The staff area's one header: the product's staff name, who is signed in, and the sections they can use. */
export function StaffHeader({ productName, staff }: { productName: string; staff: SignedIn | null }) {
  return (
    <header className="no-print">
      <div className="border-b-4 border-brand-600 bg-ink text-white">
        <div className={`${GRID} flex flex-wrap items-center justify-between gap-x-4 gap-y-1 py-3`}>
          <Link href="/staff" className="text-lg font-bold text-white no-underline hover:underline">
            {productName} <span className="font-normal">onboarding staff</span>
          </Link>
          {staff ? (
            <form action={staff.signOut} className="flex flex-wrap items-center gap-x-3 text-sm">
              <span>
                {staff.name} <span className="text-gray-300">({ROLE_LABELS[staff.role]})</span>
              </span>
              <button type="submit" className="text-white underline underline-offset-2">
                Sign out
              </button>
            </form>
          ) : null}
        </div>
      </div>
      {staff ? <StaffNav items={staff.items} /> : null}
    </header>
  );
}
