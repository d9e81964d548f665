import Link from "next/link";
import type { ReactNode } from "react";

/** The frame every provider branch page shares: a back link to the start, a title, sections. */

export const linkClass = "text-brand-700 underline underline-offset-2 hover:text-brand-800";

export function BranchPage({ caption, title, children }: { caption: string; title: string; children: ReactNode }) {
  return (
    <div className="max-w-3xl">
      <Link href="/" className={`mb-6 inline-block ${linkClass}`}>
        Back to the start
      </Link>
      <span className="block text-lg text-muted">{caption}</span>
      <h1 className="mb-6 text-3xl font-bold sm:text-4xl">{title}</h1>
      <div className="space-y-10 text-lg">{children}</div>
    </div>
  );
}

export function BranchSection({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section id={id} aria-labelledby={`${id}-heading`} className="scroll-mt-4 space-y-4">
      <h2 id={`${id}-heading`} className="text-2xl font-bold">
        {title}
      </h2>
      {children}
    </section>
  );
}

export function Inset({ children }: { children: ReactNode }) {
  return <div className="border-l-[6px] border-brand-600 bg-brand-50 px-4 py-3 [&>*+*]:mt-2">{children}</div>;
}

/** A mailto link to the vendor's support with a subject that says why. */
export function supportMailto(supportEmail: string, subject: string) {
  return `mailto:${supportEmail}?subject=${encodeURIComponent(subject)}`;
}
