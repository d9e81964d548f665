import Link from "next/link";

// Shown for pages that do not exist and for pages this person's role cannot use: the same answer for both.
export default function StaffNotFound() {
  return (
    <div className="max-w-2xl">
      <h1 className="mb-4 text-3xl font-bold">Page not found</h1>
      <p className="mb-4 text-lg">If you typed the address, check it is correct.</p>
      <p className="mb-4 text-lg">If you followed a link, your account may not have access to this part of the staff area: ask a staff administrator.</p>
      <p className="text-lg">
        <Link href="/staff" className="text-brand-700 underline">
          Go to the staff home page
        </Link>
      </p>
    </div>
  );
}
