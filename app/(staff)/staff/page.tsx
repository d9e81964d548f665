import type { Metadata } from "next";
import Link from "next/link";
import { requireStaffRole } from "@/lib/auth/require-staff-role";
import { AREA_ROLES, canUse, ROLE_LABELS, type StaffArea } from "@/lib/auth/roles";

export const metadata: Metadata = { title: "Staff area" };

const SECTIONS: Array<{ area: StaffArea; href: string; title: string; text: string }> = [
  { area: "onboarding", href: "/staff/onboarding", title: "Onboarding", text: "Add brokerages, send and revoke invite links, and follow each brokerage through the pipeline." },
  { area: "review", href: "/staff/submissions", title: "Submissions", text: "Review submitted credentials and their checks, re-run them, approve or ask for changes." },
  { area: "review", href: "/staff/expiry", title: "Secret expiry", text: "Approved credentials whose client secret expires within 30, 60 or 90 days." },
  { area: "outbox", href: "/staff/outbox", title: "Outbox", text: "Every email the portal has written, and whether it was delivered." },
  { area: "reports", href: "/staff/reports", title: "Screen reports", text: "Reports from administrators whose Microsoft screens look different from the setup guide." },
  { area: "admin", href: "/staff/admin", title: "Staff accounts", text: "Add staff, change their roles, disable accounts." },
  { area: "admin", href: "/staff/admin/api-keys", title: "API keys and webhooks", text: "Keys for the sync service, and how hand-off events were delivered." },
  { area: "audit", href: "/staff/audit", title: "Audit log", text: "Who changed what, when and from where." },
];

export default async function StaffHomePage() {
  const staff = await requireStaffRole(...AREA_ROLES.home);
  return (
    <div className="max-w-3xl">
      <h1 className="mb-2 text-3xl font-bold sm:text-4xl">Staff area</h1>
      <p className="mb-8 text-lg text-muted">
        Signed in as {staff.name}, {ROLE_LABELS[staff.role].toLowerCase()}.
      </p>
      <ul className="space-y-6">
        {SECTIONS.filter((s) => canUse(staff.role, s.area)).map((s) => (
          <li key={s.href} className="border-t border-gray-300 pt-4">
            <h2 className="mb-1 text-xl font-bold">
              <Link href={s.href} className="text-brand-700 underline">
                {s.title}
              </Link>
            </h2>
            <p>{s.text}</p>
          </li>
        ))}
      </ul>
    </div>
  );
}
