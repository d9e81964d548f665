import { CopyButton } from "@/components/form/copy-button";

/** A literal to type into the admin center, shown exactly and with a copy button. */
export function CopyValue({ value, what }: { value: string; what?: string }) {
  return (
    <span className="inline-flex flex-wrap items-center gap-2 align-middle">
      <code className="rounded bg-gray-100 px-1.5 py-0.5 font-mono text-[0.95em] text-ink">{value}</code>
      <CopyButton text={value} what={what ?? value} />
    </span>
  );
}
