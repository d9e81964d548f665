import type { Metadata } from "next";
import Link from "next/link";
import { ImportForm } from "@/components/staff/onboarding/import-form";
import { requireStaffRole } from "@/lib/auth/require-staff-role";
import { AREA_ROLES } from "@/lib/auth/roles";
import { importBrokeragesAction } from "../actions";
import { env } from "@/lib/env";

export const metadata: Metadata = { title: "Import brokerages from a CSV file" };

export default async function ImportPage() {
  await requireStaffRole(...AREA_ROLES.onboarding);
  return (
    <div className="max-w-3xl">
      <Link href="/staff/onboarding" className="mb-6 inline-block text-brand-700 underline">
        Back to the pipeline
      </Link>
      <h1 className="mb-6 text-3xl font-bold sm:text-4xl">Import brokerages from a CSV file</h1>
      <p className="mb-4 text-lg">Each line of the file adds a brokerage and creates an invite link for its email administrator. The first line names the columns:</p>
      <ul className="mb-4 list-disc space-y-1 pl-6 text-lg">
        <li>brokerage name</li>
        <li>email domain</li>
        <li>recipient email</li>
        <li>recipient name (optional)</li>
        <li>CSM email (optional: an active customer-success manager)</li>
      </ul>
      <p className="mb-4 text-lg">
        Lines are created one by one: a line with a problem, or a brokerage that already exists, is listed in the report and nothing from it is saved; the other lines are
        still created.
      </p>
      <p className="mb-8 text-lg">
        <a href="/staff/onboarding/import/template" className="text-brand-700 underline" download>
          Download a template CSV file
        </a>
      </p>
      <ImportForm importBrokerages={importBrokeragesAction} mailServer={Boolean(env().SMTP_URL)} />
    </div>
  );
}
