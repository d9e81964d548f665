import Link from "next/link";
import { Tag } from "@/components/form/tag";

export type ReadinessLine = { total: number; ready: number; checked: number };

/** A brokerage's agent mailboxes in one line, linking to the readiness view. */
export function ReadinessSummary({ brokerageId, summary, compact = false }: { brokerageId: string; summary: ReadinessLine | undefined; compact?: boolean }) {
  const href = `/staff/readiness/${brokerageId}`;
  if (!summary?.total) {
    return compact ? (
      <span className="text-muted">No agents</span>
    ) : (
      <Link href={href} className="text-brand-700 underline">
        No agents yet: add them
      </Link>
    );
  }
  const n = (v: number) => v.toLocaleString("en-US");
  const notReady = summary.checked - summary.ready;
  return (
    <Link href={href} className="text-brand-700 underline">
      {notReady > 0 ? <Tag tone="red">{`${n(notReady)} not ready`}</Tag> : summary.checked === summary.total ? <Tag tone="green">All ready</Tag> : null}{" "}
      {n(summary.ready)} of {n(summary.total)} ready
    </Link>
  );
}
