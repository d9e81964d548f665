import type { Metadata } from "next";
import { Main } from "@/components/chrome/page-chrome";
import { StaffHeader } from "@/components/staff/staff-header";
import type { NavItem } from "@/components/staff/staff-nav";
import { currentStaff } from "@/lib/auth/require-staff-role";
import { canUse, type StaffArea } from "@/lib/auth/roles";
import { branding } from "@/lib/branding";
import { signOutAction } from "./actions";

// Staff pages are never for search engines (robots.txt says so too).
export const metadata: Metadata = { robots: { index: false, follow: false } };

const SECTIONS: Array<NavItem & { area: StaffArea }> = [
  { href: "/staff", label: "Staff home", area: "home" },
  { href: "/staff/onboarding", label: "Onboarding", area: "onboarding" },
  { href: "/staff/submissions", label: "Submissions", area: "review" },
  { href: "/staff/expiry", label: "Secret expiry", area: "review" },
  { href: "/staff/outbox", label: "Outbox", area: "outbox" },
  { href: "/staff/reports", label: "Screen reports", area: "reports" },
  { href: "/staff/admin", label: "Staff accounts", area: "admin" },
  { href: "/staff/admin/api-keys", label: "API keys", area: "admin" },
  { href: "/staff/audit", label: "Audit log", area: "audit" },
];

// Navigation only: each page below checks the session and role itself.
export default async function StaffLayout({ children }: { children: React.ReactNode }) {
  const staff = await currentStaff();
  const signedIn = staff
    ? { name: staff.name, role: staff.role, signOut: signOutAction, items: SECTIONS.filter((s) => canUse(staff.role, s.area)).map(({ href, label }) => ({ href, label })) }
    : null;
  return (
    <>
      <StaffHeader productName={branding().productName} staff={signedIn} />
      <Main>{children}</Main>
    </>
  );
}
