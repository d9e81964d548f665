import Link from "next/link";
import { QUEUE_IDS, QUEUES, type QueueId } from "@/lib/review/queue-types";

/** The four queues as tabs (links that keep the filters), each with how many it holds. */
export function QueueTabs({ current, counts, query }: { current: QueueId; counts: Record<QueueId, number>; query: Record<string, string> }) {
  return (
    <nav aria-label="Queues" className="mb-6 border-b border-gray-300">
      <ul className="-mb-px flex flex-wrap gap-x-1">
        {QUEUE_IDS.map((id) => {
          const active = id === current;
          const href = `/staff/submissions?${new URLSearchParams({ ...query, queue: id })}`;
          return (
            <li key={id}>
              <Link
                href={href}
                aria-current={active ? "page" : undefined}
                className={`block border px-3 py-2 text-lg no-underline sm:px-4 ${
                  active ? "border-gray-300 border-b-white bg-white font-bold text-ink" : "border-transparent bg-gray-100 text-brand-700 underline"
                }`}
              >
                {QUEUES[id].label} <span className="font-normal">({counts[id].toLocaleString("en-GB")})</span>
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
