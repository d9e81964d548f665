"use client";

import { useEffect, useState } from "react";
import type { StatusView } from "@/lib/submissions/views";
import { CheckList } from "./check-list";
import { OutcomePanel } from "./outcome-panel";

/** Waits before reconnecting after the stream failed: 1, 2, 4, 8, 16 s, then 30 s. */
const RECONNECT_DELAYS_MS = [1_000, 2_000, 4_000, 8_000, 16_000];
const LONGEST_DELAY_MS = 30_000;

/**
 * The status page's live part: a server-sent event stream replaces the snapshot each
 * time a check changes, until the run has ended. When the stream fails (the server
 * restarted, the database was away) it reconnects with growing waits; a browser with
 * no EventSource reloads the page every few seconds, as without JavaScript.
 */
export function LiveStatus({ initial }: { initial: StatusView }) {
  const [view, setView] = useState(initial);

  useEffect(() => {
    if (initial.final) return;
    if (typeof EventSource === "undefined") {
      const reload = setTimeout(() => window.location.reload(), 3_000);
      return () => clearTimeout(reload);
    }
    let source: EventSource | undefined;
    let retry: ReturnType<typeof setTimeout> | undefined;
    let failures = 0;
    let stopped = false;
    const connect = () => {
      source = new EventSource(`/api/attempts/${initial.attempt.id}/events`);
      source.addEventListener("status", (event) => {
        failures = 0;
        setView(JSON.parse((event as MessageEvent<string>).data) as StatusView);
      });
      source.addEventListener("done", () => {
        stopped = true;
        source?.close();
      });
      source.onerror = () => {
        // The browser retries by itself only while the connection is merely interrupted.
        if (stopped || source?.readyState !== EventSource.CLOSED) return;
        const delay = RECONNECT_DELAYS_MS[failures] ?? LONGEST_DELAY_MS;
        failures++;
        retry = setTimeout(connect, delay);
      };
    };
    connect();
    return () => {
      stopped = true;
      clearTimeout(retry);
      source?.close();
    };
  }, [initial.attempt.id, initial.final]);

  const running = view.phase === "queued" || view.phase === "running";
  return (
    <div data-phase={view.phase}>
      {/* Announces the ending once, not every check as it turns. */}
      <p role="status" className="sr-only">
        {announcement(view)}
      </p>
      <OutcomePanel view={view} />
      <h2 className="mb-2 text-2xl font-bold">{running ? "Checks" : "Results"}</h2>
      <CheckList checks={view.checks} />
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
