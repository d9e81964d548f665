import type { LiveStatus } from "@/lib/submissions/views";

const TAGS: Record<LiveStatus, { text: string; className: string }> = {
  waiting: { text: "Waiting", className: "bg-gray-200 text-gray-800" },
  running: { text: "Checking", className: "bg-brand-100 text-brand-800" },
  pass: { text: "Passed", className: "bg-[#cce2d8] text-[#005a30]" },
  warn: { text: "Warning", className: "bg-[#fff7bf] text-[#594d00]" },
  fail: { text: "Failed", className: "bg-[#f4cdc6] text-[#7a1a0d]" },
  skipped: { text: "Not run", className: "bg-gray-100 text-gray-700" },
  error: { text: "Could not check", className: "bg-[#fcd6c3] text-[#6e3619]" },
};

/** GOV.UK tag: the status in words and colour, never colour alone. */
export function StatusTag({ status }: { status: LiveStatus }) {
  const tag = TAGS[status];
  return <strong className={`inline-block whitespace-nowrap px-2 py-0.5 text-sm font-bold ${tag.className}`}>{tag.text}</strong>;
}

export const statusText = (status: LiveStatus) => TAGS[status].text;
