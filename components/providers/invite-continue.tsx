import Link from "next/link";
import { buttonClass } from "@/components/form/button";

/**
 * Shown when an invite link opened on this branch (its domain needs another path than plain
 * Microsoft 365): the link worked, read this first, the form is one click away.
 */
export function InviteContinue({ href = "/submit" }: { href?: string }) {
  return (
    <section aria-labelledby="invite-continue-heading" className="mb-8 max-w-3xl border-l-[6px] border-brand-700 bg-brand-50 px-4 py-3">
      <h2 id="invite-continue-heading" className="text-xl font-bold">
        Your invite link is open
      </h2>
      <p className="mt-2">Your email domain needs a different path from the usual Microsoft 365 steps, so read this first. The form stays open for you.</p>
      <Link href={href} className={`mt-3 ${buttonClass("secondary")}`}>
        Continue to the form
      </Link>
    </section>
  );
}
