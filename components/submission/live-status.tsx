"use client";

import { useEffect, useState } from "react";
import type { StatusView } from "@/lib/submissions/views";
import { CheckList } from "./check-list";
import { OutcomePanel } from "./outcome-panel";

/**
 * The status page's live part: a server-sent event stream replaces the snapshot each
 * time a check changes, until the run has ended.
 */
export function LiveStatus({ initial, consentMailto }: { initial: StatusView; consentMailto?: string }) {
  const [view, setView] = useState(initial);

  useEffect(() => {
    if (initial.final) return;
    const source = new EventSource(`/api/attempts/${initial.attempt.id}/events`);
    source.addEventListener("status", (event) => setView(JSON.parse((event as MessageEvent<string>).data) as StatusView));
    source.addEventListener("done", () => source.close());
    return () => source.close();
  }, [initial.attempt.id, initial.final]);

  const running = view.phase === "queued" || view.phase === "running";
  return (
    <div data-phase={view.phase}>
      {/* Announces the ending once, not every check as it turns. */}
      <p role="status" className="sr-only">
        {announcement(view)}
      </p>
      <OutcomePanel view={view} consentMailto={consentMailto} />
      <h2 className="mb-2 text-2xl font-bold">{running ? "Checks" : "Results"}</h2>
      <CheckList checks={view.checks} diagnosed={view.phase === "failed"} />
    </div>
  );
}

function announcement(view: StatusView): string {
  const failed = view.checks.filter((c) => c.status === "fail").length;
  switch (view.phase) {
    case "verified":
      return "Finished: every check passed.";
    case "failed":
      return `Finished: ${failed} ${failed === 1 ? "check" : "checks"} failed.`;
    case "inconclusive":
      return "Finished: Microsoft did not answer in time. We try again automatically.";
    default:
      return "";
  }
}
