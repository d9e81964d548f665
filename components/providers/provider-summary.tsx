import { describeDetection } from "@/lib/providers/describe";
import type { ProviderDetection } from "@/lib/providers/types";

/** For staff: which provider the brokerage's email domain points to, and what says so. */
export function ProviderSummary({ detection }: { detection: ProviderDetection | undefined }) {
  if (!detection) return <>Not known: no email domain or invite address to look up</>;
  const { summary, details } = describeDetection(detection);
  return (
    <>
      <span className="font-bold">{summary}</span>
      <span className="block text-muted">for {detection.domain}</span>
      <ul className="mt-1 text-muted">
        {details.map((d) => (
          <li key={d} className="break-words">
            {d}
          </li>
        ))}
      </ul>
    </>
  );
}
