import { StaffNav, type NavItem } from "@/components/staff/staff-nav";
import { currentStaff } from "@/lib/auth/require-staff-role";
import { canUse, type StaffArea } from "@/lib/auth/roles";
import { signOutAction } from "./actions";

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
  return (
    <>
      {staff ? (
        <StaffNav items={SECTIONS.filter((s) => canUse(staff.role, s.area)).map(({ href, label }) => ({ href, label }))} name={staff.name} role={staff.role} signOut={signOutAction} />
      ) : null}
      {children}
    </>
  );
}
